import { type Feature, lazyPage } from "../../app/feature";

const pages = {
  give: () => import("./pages/feedback-page"),
  activity: () => import("./pages/activity-feedback-page"),
  questions: () => import("./pages/questions-page"),
};

export const feedbackFeature: Feature = {
  namespace: "feedback",
  i18n: () => import("./i18n").then((m) => m.feedbackI18n),
  routes: [
    { path: "feedback", lazy: lazyPage(pages.give, (m) => m.FeedbackPage) },
    { path: "feedback/activities/:id", lazy: lazyPage(pages.activity, (m) => m.ActivityFeedbackPage) },
    { path: "feedback/questions", lazy: lazyPage(pages.questions, (m) => m.QuestionsPage) },
  ],
};
