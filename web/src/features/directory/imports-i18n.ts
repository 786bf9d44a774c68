import { defineResources } from "../../shared/i18n/languages";

/** The import page's kinds and the column names of the activity and nomination imports. */
export const importsI18n = defineResources({
  en: {
    importKinds: {
      label: "What the file holds",
      people: "People with affiliations",
      activities: "Activities and their events (the menu)",
      nominations: "Nominations for events",
      contributions: "Contributions to trust funds",
      hint: {
        people: "One row per person. A known e-mail address (or nation and name) updates the person.",
        activities:
          "One row per event; repeat the activity's columns on each of its rows. A known activity code updates the activity; a known start and end date leave the event alone.",
        nominations:
          "One row per nomination: the activity code, the event's start date when the activity has several events, and the person's e-mail address (or nation, family and given name). Seats are given as for a single nomination.",
        contributions:
          "One row per trust fund, nation, year and currency. A known row updates the pledged and paid amounts and the note; the trust-fund contributions export imports back.",
      },
    },
    importFields: {
      activities: {
        code: "Activity code",
        titleEn: "Title (English)",
        titleAz: "Title (Azerbaijani)",
        titleRu: "Title (Russian)",
        kind: "Kind",
        menuYear: "Menu year",
        organiser: "Organiser code",
        hostNation: "Host nation code",
        city: "City",
        online: "Online (yes/no)",
        languages: "Languages",
        areas: "Cooperation areas",
        capacity: "Capacity",
        nationQuota: "Quota per nation",
        startsOn: "Event starts on",
        endsOn: "Event ends on",
        eventCity: "Event city",
      },
      nominations: {
        activity: "Activity code",
        startsOn: "Event starts on",
        email: "Email",
        nation: "Nation code",
        familyName: "Family name",
        givenName: "Given name",
        priority: "Priority",
        note: "Note",
      },
      contributions: {
        trustFund: "Trust fund code",
        nation: "Nation code",
        year: "Year",
        currency: "Currency",
        pledged: "Pledged",
        paid: "Paid",
        note: "Note",
      },
    },
  },
  az: {
    importKinds: {
      label: "Faylda nə var",
      people: "Şəxslər və onların təşkilatları",
      activities: "Fəaliyyətlər və onların tədbirləri (menyu)",
      nominations: "Tədbirlərə namizədlər",
      contributions: "Etimad fondlarına töhfələr",
      hint: {
        people: "Hər sətirdə bir şəxs. Məlum e-poçt ünvanı (və ya ölkə və ad) şəxsi yeniləyir.",
        activities:
          "Hər sətirdə bir tədbir; fəaliyyətin sütunlarını onun hər sətrində təkrarlayın. Məlum fəaliyyət kodu fəaliyyəti yeniləyir; məlum başlama və bitmə tarixləri tədbiri dəyişmir.",
        nominations:
          "Hər sətirdə bir namizəd: fəaliyyət kodu, fəaliyyətin bir neçə tədbiri varsa tədbirin başlama tarixi və şəxsin e-poçt ünvanı (və ya ölkə, soyad və ad). Yerlər tək namizəddə olduğu kimi verilir.",
        contributions:
          "Hər sətirdə bir etimad fondu, ölkə, il və valyuta. Məlum sətir vəd edilən və ödənilən məbləğləri və qeydi yeniləyir; etimad fondu töhfələrinin ixracı geri idxal olunur.",
      },
    },
    importFields: {
      activities: {
        code: "Fəaliyyət kodu",
        titleEn: "Ad (ingiliscə)",
        titleAz: "Ad (azərbaycanca)",
        titleRu: "Ad (rusca)",
        kind: "Növ",
        menuYear: "Menyu ili",
        organiser: "Təşkilatçının kodu",
        hostNation: "Ev sahibi ölkənin kodu",
        city: "Şəhər",
        online: "Onlayn (bəli/xeyr)",
        languages: "Dillər",
        areas: "Əməkdaşlıq sahələri",
        capacity: "Tutum",
        nationQuota: "Ölkə kvotası",
        startsOn: "Tədbirin başlama tarixi",
        endsOn: "Tədbirin bitmə tarixi",
        eventCity: "Tədbirin şəhəri",
      },
      nominations: {
        activity: "Fəaliyyət kodu",
        startsOn: "Tədbirin başlama tarixi",
        email: "E-poçt",
        nation: "Ölkə kodu",
        familyName: "Soyad",
        givenName: "Ad",
        priority: "Prioritet",
        note: "Qeyd",
      },
      contributions: {
        trustFund: "Etimad fondunun kodu",
        nation: "Ölkə kodu",
        year: "İl",
        currency: "Valyuta",
        pledged: "Vəd edilib",
        paid: "Ödənilib",
        note: "Qeyd",
      },
    },
  },
  ru: {
    importKinds: {
      label: "Что в файле",
      people: "Люди и их организации",
      activities: "Мероприятия и их проведения (меню)",
      nominations: "Кандидаты на мероприятия",
      contributions: "Взносы в целевые фонды",
      hint: {
        people: "Одна строка на человека. Известный адрес эл. почты (или страна и имя) обновляет запись.",
        activities:
          "Одна строка на проведение; повторяйте столбцы мероприятия в каждой его строке. Известный код обновляет мероприятие; известные даты начала и окончания оставляют проведение без изменений.",
        nominations:
          "Одна строка на кандидата: код мероприятия, дата начала проведения, если их несколько, и адрес эл. почты человека (или страна, фамилия и имя). Места распределяются как при одиночном выдвижении.",
        contributions:
          "Одна строка на фонд, страну, год и валюту. Известная строка обновляет обещанную и оплаченную суммы и примечание; экспорт взносов в фонды импортируется обратно.",
      },
    },
    importFields: {
      activities: {
        code: "Код мероприятия",
        titleEn: "Название (англ.)",
        titleAz: "Название (азерб.)",
        titleRu: "Название (рус.)",
        kind: "Вид",
        menuYear: "Год меню",
        organiser: "Код организатора",
        hostNation: "Код принимающей страны",
        city: "Город",
        online: "Онлайн (да/нет)",
        languages: "Языки",
        areas: "Области сотрудничества",
        capacity: "Вместимость",
        nationQuota: "Квота на страну",
        startsOn: "Начало проведения",
        endsOn: "Окончание проведения",
        eventCity: "Город проведения",
      },
      nominations: {
        activity: "Код мероприятия",
        startsOn: "Начало проведения",
        email: "Эл. почта",
        nation: "Код страны",
        familyName: "Фамилия",
        givenName: "Имя",
        priority: "Приоритет",
        note: "Примечание",
      },
      contributions: {
        trustFund: "Код целевого фонда",
        nation: "Код страны",
        year: "Год",
        currency: "Валюта",
        pledged: "Обещано",
        paid: "Оплачено",
        note: "Примечание",
      },
    },
  },
});
