import type { FeatureResources } from "../../shared/i18n/languages";

export const authI18n = {
  en: {
    login: {
      title: "Sign in to Accord",
      username: "Username",
      password: "Password",
      submit: "Sign in",
      singleSignOn: "Sign in with single sign-on",
      failed: "Sign-in failed",
      required: "Enter your username and password",
    },
    password: {
      title: "Change password",
      forcedIntro:
        "Your password must be changed before you continue. Choose a new one of at least 12 characters.",
      current: "Current password",
      new: "New password",
      repeat: "Repeat the new password",
      hint: "At least 12 characters",
      tooShort: "The new password must have at least 12 characters",
      mismatch: "The passwords do not match",
      sameAsCurrent: "The new password must differ from the current one",
      submit: "Change password",
      changed: "Your password has been changed",
    },
    signedOut: "You have been signed out",
  },
  az: {
    login: {
      title: "Accord sisteminə daxil olun",
      username: "İstifadəçi adı",
      password: "Şifrə",
      submit: "Daxil ol",
      singleSignOn: "Vahid giriş sistemi ilə daxil ol",
      failed: "Daxil olmaq alınmadı",
      required: "İstifadəçi adınızı və şifrənizi daxil edin",
    },
    password: {
      title: "Şifrəni dəyiş",
      forcedIntro:
        "Davam etməzdən əvvəl şifrənizi dəyişməlisiniz. Ən azı 12 simvoldan ibarət yeni şifrə seçin.",
      current: "Cari şifrə",
      new: "Yeni şifrə",
      repeat: "Yeni şifrəni təkrarlayın",
      hint: "Ən azı 12 simvol",
      tooShort: "Yeni şifrə ən azı 12 simvoldan ibarət olmalıdır",
      mismatch: "Şifrələr üst-üstə düşmür",
      sameAsCurrent: "Yeni şifrə cari şifrədən fərqli olmalıdır",
      submit: "Şifrəni dəyiş",
      changed: "Şifrəniz dəyişdirildi",
    },
    signedOut: "Sistemdən çıxdınız",
  },
  ru: {
    login: {
      title: "Вход в Accord",
      username: "Имя пользователя",
      password: "Пароль",
      submit: "Войти",
      singleSignOn: "Войти через единый вход",
      failed: "Не удалось войти",
      required: "Введите имя пользователя и пароль",
    },
    password: {
      title: "Смена пароля",
      forcedIntro:
        "Прежде чем продолжить, необходимо сменить пароль. Задайте новый пароль длиной не менее 12 символов.",
      current: "Текущий пароль",
      new: "Новый пароль",
      repeat: "Повторите новый пароль",
      hint: "Не менее 12 символов",
      tooShort: "Новый пароль должен содержать не менее 12 символов",
      mismatch: "Пароли не совпадают",
      sameAsCurrent: "Новый пароль должен отличаться от текущего",
      submit: "Сменить пароль",
      changed: "Пароль изменён",
    },
    signedOut: "Вы вышли из системы",
  },
} satisfies FeatureResources;
