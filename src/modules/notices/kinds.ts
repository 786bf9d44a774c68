/**
 * Every kind of notice, with its subject in each language. `{name}` is filled from the notice's params (and
 * `{title}` falls back to the notice's own title). Reminders carry `reminder: true`: they come from the schedule.
 */
export type Language = "en" | "az" | "ru";
export const LANGUAGES: readonly Language[] = ["en", "az", "ru"];

interface KindSpec {
  subject: Record<Language, string>;
  reminder?: boolean;
}

export const KINDS = {
  "transparency.alarm": {
    subject: {
      en: "Transparency log alarm: {origin} ({kind})",
      az: "Şəffaflıq jurnalı həyəcanı: {origin} ({kind})",
      ru: "Тревога журнала прозрачности: {origin} ({kind})",
    },
  },
  "nomination.nominated": {
    subject: {
      en: "New nomination: {activity}",
      az: "Yeni namizədlik: {activity}",
      ru: "Новая номинация: {activity}",
    },
  },
  "nomination.accepted": {
    subject: {
      en: "Seat accepted: {activity}",
      az: "Yer təsdiqləndi: {activity}",
      ru: "Место подтверждено: {activity}",
    },
  },
  "nomination.waitlisted": {
    subject: {
      en: "Waitlisted: {activity}",
      az: "Gözləmə siyahısında: {activity}",
      ru: "В листе ожидания: {activity}",
    },
  },
  "nomination.declined": {
    subject: {
      en: "Nomination declined: {activity}",
      az: "Namizədlik rədd edildi: {activity}",
      ru: "Номинация отклонена: {activity}",
    },
  },
  "application.submitted": {
    subject: {
      en: "Application to approve: {activity}",
      az: "Təsdiq gözləyən müraciət: {activity}",
      ru: "Заявка на утверждение: {activity}",
    },
  },
  "application.approved": {
    subject: {
      en: "Application approved: {activity}",
      az: "Müraciət təsdiqləndi: {activity}",
      ru: "Заявка одобрена: {activity}",
    },
  },
  "application.refused": {
    subject: {
      en: "Application refused: {activity}",
      az: "Müraciət rədd edildi: {activity}",
      ru: "Заявка отклонена: {activity}",
    },
  },
  "nomination.offered": {
    subject: {
      en: "A seat is offered to you: {activity}",
      az: "Sizə yer təklif olunur: {activity}",
      ru: "Вам предложено место: {activity}",
    },
  },
  "nomination.offer_declined": {
    subject: {
      en: "Seat offer declined: {activity}",
      az: "Yer təklifi rədd edildi: {activity}",
      ru: "Предложение места отклонено: {activity}",
    },
  },
  "nomination.offer_expired": {
    subject: {
      en: "Seat offer expired: {activity}",
      az: "Yer təklifinin müddəti bitdi: {activity}",
      ru: "Срок предложения места истёк: {activity}",
    },
  },
  "nomination.promoted": {
    subject: {
      en: "Promoted from the waitlist to a seat: {activity}",
      az: "Gözləmə siyahısından yerə keçirildiniz: {activity}",
      ru: "Переведены из листа ожидания на место: {activity}",
    },
  },
  "nomination.cancelled": {
    subject: {
      en: "Event cancelled: {activity}",
      az: "Tədbir ləğv edildi: {activity}",
      ru: "Мероприятие отменено: {activity}",
    },
  },
  "nomination.withdrawn": {
    subject: {
      en: "Nomination withdrawn: {activity}",
      az: "Namizədlik geri götürüldü: {activity}",
      ru: "Номинация отозвана: {activity}",
    },
  },
  "nomination.attendance": {
    subject: {
      en: "Attendance recorded: {activity}",
      az: "İştirak qeydə alındı: {activity}",
      ru: "Посещаемость отмечена: {activity}",
    },
  },
  "event.changed": {
    subject: {
      en: "Event changed: {activity}",
      az: "Tədbir dəyişdirildi: {activity}",
      ru: "Мероприятие изменено: {activity}",
    },
  },
  "event.starting": {
    reminder: true,
    subject: {
      en: "Starts in 7 days: {activity}",
      az: "7 gündən sonra başlayır: {activity}",
      ru: "Начало через 7 дней: {activity}",
    },
  },
  "feedback.requested": {
    reminder: true,
    subject: {
      en: "Your feedback, please: {activity}",
      az: "Rəyinizi bildirin: {activity}",
      ru: "Поделитесь отзывом: {activity}",
    },
  },
  "event.nominations_closing": {
    reminder: true,
    subject: {
      en: "Nominations close soon: {activity}",
      az: "Namizədliklərin qəbulu tezliklə bitir: {activity}",
      ru: "Скоро закрывается приём номинаций: {activity}",
    },
  },
  "certificate.issued": {
    subject: {
      en: "Certificate issued: {title}",
      az: "Sertifikat verildi: {title}",
      ru: "Выдан сертификат: {title}",
    },
  },
  "certificate.revoked": {
    subject: {
      en: "Certificate revoked: {title}",
      az: "Sertifikat ləğv edildi: {title}",
      ru: "Сертификат отозван: {title}",
    },
  },
  "certificate.expiring": {
    reminder: true,
    subject: {
      en: "Certificate expires in {days} days: {title}",
      az: "Sertifikatın müddəti {days} gündən sonra bitir: {title}",
      ru: "Срок сертификата истекает через {days} дн.: {title}",
    },
  },
  "accreditation.decision": {
    subject: {
      en: "Accreditation decision: {title}",
      az: "Akkreditasiya qərarı: {title}",
      ru: "Решение по аккредитации: {title}",
    },
  },
  "accreditation.renewal": {
    reminder: true,
    subject: {
      en: "Renewal due: {title}",
      az: "Yeniləmə vaxtıdır: {title}",
      ru: "Требуется продление: {title}",
    },
  },
  "evaluation.team_assigned": {
    subject: {
      en: "Assigned to an evaluation team: {title}",
      az: "Qiymətləndirmə qrupuna təyin edildiniz: {title}",
      ru: "Вы назначены в группу оценки: {title}",
    },
  },
  "evaluation.team_uncertified": {
    subject: {
      en: "Evaluator no longer certified: {title}",
      az: "Qiymətləndirici artıq sertifikatlı deyil: {title}",
      ru: "Оценщик больше не сертифицирован: {title}",
    },
  },
  "evaluation.report_published": {
    subject: {
      en: "Evaluation report published: {title}",
      az: "Qiymətləndirmə hesabatı dərc edildi: {title}",
      ru: "Опубликован отчёт об оценке: {title}",
    },
  },
  "action_item.assigned": {
    subject: {
      en: "Action item assigned: {title}",
      az: "Tapşırıq təyin edildi: {title}",
      ru: "Назначено поручение: {title}",
    },
  },
  "action_item.due": {
    reminder: true,
    subject: {
      en: "Action item due in 3 days: {title}",
      az: "Tapşırığın müddəti 3 gündən sonra bitir: {title}",
      ru: "Срок поручения через 3 дня: {title}",
    },
  },
  "action_item.overdue": {
    reminder: true,
    subject: {
      en: "Action item overdue: {title}",
      az: "Tapşırığın müddəti keçib: {title}",
      ru: "Поручение просрочено: {title}",
    },
  },
  "exchange.received": {
    subject: {
      en: "New message: {title}",
      az: "Yeni məlumat: {title}",
      ru: "Новое сообщение: {title}",
    },
  },
  "exchange.acknowledged": {
    subject: {
      en: "Message acknowledged: {title}",
      az: "Məlumatın alınması təsdiqləndi: {title}",
      ru: "Получение сообщения подтверждено: {title}",
    },
  },
  "exchange.unacknowledged": {
    reminder: true,
    subject: {
      en: "Not acknowledged after 48 hours: {title}",
      az: "48 saat ərzində təsdiqlənməyib: {title}",
      ru: "Не подтверждено за 48 часов: {title}",
    },
  },
  "goal.review_due": {
    reminder: true,
    subject: {
      en: "Partnership goal review due: {title}",
      az: "Tərəfdaşlıq məqsədinin nəzərdən keçirilməsi vaxtıdır: {title}",
      ru: "Срок обзора цели партнёрства: {title}",
    },
  },
  "programme.submitted": {
    subject: {
      en: "Programme submitted: {title}",
      az: "Proqram təqdim edildi: {title}",
      ru: "Программа представлена: {title}",
    },
  },
  "programme.agreed": {
    subject: {
      en: "Programme agreed: {title}",
      az: "Proqram razılaşdırıldı: {title}",
      ru: "Программа согласована: {title}",
    },
  },
  "goal.awaiting_agreement": {
    subject: {
      en: "Partnership goal awaiting your side's agreement: {title}",
      az: "Tərəfdaşlıq məqsədi tərəfinizin razılığını gözləyir: {title}",
      ru: "Цель партнёрства ждёт согласия вашей стороны: {title}",
    },
  },
  "goal.agreed": {
    subject: {
      en: "Partnership goal agreed by both sides: {title}",
      az: "Tərəfdaşlıq məqsədi hər iki tərəfcə razılaşdırıldı: {title}",
      ru: "Цель партнёрства согласована обеими сторонами: {title}",
    },
  },
  "activity.proposed": {
    subject: {
      en: "Activity proposed for the menu: {title}",
      az: "Menyu üçün tədbir təklif edildi: {title}",
      ru: "Предложено мероприятие для меню: {title}",
    },
  },
  "activity.approved": {
    subject: {
      en: "Proposal approved, now in the menu: {title}",
      az: "Təklif təsdiqləndi, artıq menyudadır: {title}",
      ru: "Предложение одобрено и включено в меню: {title}",
    },
  },
  "activity.rejected": {
    subject: {
      en: "Proposal rejected: {title}",
      az: "Təklif rədd edildi: {title}",
      ru: "Предложение отклонено: {title}",
    },
  },
  "account.password_reset": {
    subject: {
      en: "Reset your Accord password",
      az: "Accord şifrənizi yeniləyin",
      ru: "Сброс пароля Accord",
    },
  },
  digest: {
    subject: {
      en: "Accord: {count} notifications of the day",
      az: "Accord: günün {count} bildirişi",
      ru: "Accord: уведомлений за день — {count}",
    },
  },
} satisfies Record<string, KindSpec>;

export type NotificationKind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as NotificationKind[];
/** Kinds a person may choose how to receive (the password reset mail and the digest itself always go out). */
export const PREFERENCE_KINDS = KIND_NAMES.filter((k) => k !== "account.password_reset" && k !== "digest");

export const isKind = (kind: string): kind is NotificationKind => Object.hasOwn(KINDS, kind);
export const asLanguage = (value: string | null | undefined): Language =>
  value === "az" || value === "ru" ? value : "en";
