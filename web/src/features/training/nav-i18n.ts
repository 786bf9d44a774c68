import { defineResources } from "../../shared/i18n/languages";

/** The navbar's labels of the feature, bundled with the app; the feature's own strings load with its first page. */
export const trainingNavI18n = defineResources({
  en: {
    nav: {
      training: "Training",
      courses: "Courses",
      certificates: "My certificates",
      registry: "Certified registry",
      accreditation: "Accreditation",
    },
  },
  az: {
    nav: {
      training: "Təlim",
      courses: "Kurslar",
      certificates: "Sertifikatlarım",
      registry: "Sertifikatlı şəxslərin reyestri",
      accreditation: "Akkreditasiya",
    },
  },
  ru: {
    nav: {
      training: "Обучение",
      courses: "Курсы",
      certificates: "Мои сертификаты",
      registry: "Реестр сертифицированных",
      accreditation: "Аккредитация",
    },
  },
});
