import { IconAward, IconCertificate, IconSchool, IconShieldCheck } from "@tabler/icons-react";
import { type Feature, lazyPage, signedInNav } from "../../app/feature";
import { trainingNavI18n } from "./nav-i18n";

const pages = {
  courses: () => import("./pages/courses-page"),
  course: () => import("./pages/course-page"),
  run: () => import("./pages/run-page"),
  certificates: () => import("./pages/certificates-page"),
  registry: () => import("./pages/registry-page"),
  applications: () => import("./pages/applications-page"),
  dossier: () => import("./pages/dossier-page"),
  verify: () => import("./pages/verify-page"),
};

export const trainingFeature: Feature = {
  namespace: "training",
  i18n: () => import("./i18n").then((m) => m.trainingI18n),
  routes: [
    { path: "training", lazy: lazyPage(pages.courses, (m) => m.CoursesPage) },
    { path: "training/courses/:id", lazy: lazyPage(pages.course, (m) => m.CoursePage) },
    { path: "training/runs/:eventId", lazy: lazyPage(pages.run, (m) => m.RunPage) },
    { path: "training/certificates", lazy: lazyPage(pages.certificates, (m) => m.CertificatesPage) },
    { path: "training/registry", lazy: lazyPage(pages.registry, (m) => m.RegistryPage) },
    { path: "training/accreditation", lazy: lazyPage(pages.applications, (m) => m.ApplicationsPage) },
    { path: "training/accreditation/:id", lazy: lazyPage(pages.dossier, (m) => m.DossierPage) },
  ],
  // Public: anyone who scans a certificate's QR code, signed in or not.
  bareRoutes: [
    { path: "verify", lazy: lazyPage(pages.verify, (m) => m.VerifyLookupPage) },
    { path: "verify/:code", lazy: lazyPage(pages.verify, (m) => m.VerifyPage) },
  ],
  nav: {
    to: "/training",
    label: "trainingNav:nav.training",
    icon: IconSchool,
    items: [
      { to: "/training", label: "trainingNav:nav.courses", icon: IconSchool },
      signedInNav({
        to: "/training/certificates",
        label: "trainingNav:nav.certificates",
        icon: IconCertificate,
      }),
      signedInNav({ to: "/training/registry", label: "trainingNav:nav.registry", icon: IconAward }),
      signedInNav({
        to: "/training/accreditation",
        label: "trainingNav:nav.accreditation",
        icon: IconShieldCheck,
      }),
    ],
  },
};

/** The navbar labels, bundled: the feature's own strings load with its first page. */
export const trainingNavFeature: Feature = { namespace: "trainingNav", i18n: trainingNavI18n };
