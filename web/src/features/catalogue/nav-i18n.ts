import { defineResources } from "../../shared/i18n/languages";

/** The navbar's labels of the feature, bundled with the app; the feature's own strings load with its first page. */
export const catalogueNavI18n = defineResources({
  en: {
    nav: {
      search: "Activities",
      calendar: "Calendar",
      proposals: "Proposals",
      inbox: "Nominations inbox",
      applications: "Applications",
      schedule: "My schedule",
      feedback: "Give feedback",
      feedbackQuestions: "Feedback questionnaires",
      notifications: "Notifications",
    },
  },
  az: {
    nav: {
      search: "Tədbirlər",
      calendar: "Təqvim",
      proposals: "Təkliflər",
      inbox: "Namizədliklər qutusu",
      applications: "Müraciətlər",
      schedule: "Cədvəlim",
      feedback: "Rəy bildirin",
      feedbackQuestions: "Rəy sorğu vərəqələri",
      notifications: "Bildirişlər",
    },
  },
  ru: {
    nav: {
      search: "Мероприятия",
      calendar: "Календарь",
      proposals: "Предложения",
      inbox: "Входящие номинации",
      applications: "Заявки",
      schedule: "Моё расписание",
      feedback: "Оставить отзыв",
      feedbackQuestions: "Анкеты отзывов",
      notifications: "Уведомления",
    },
  },
});
