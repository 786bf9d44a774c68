/** Texts of the attendance of one session of an event's timetable. */
import { defineResources } from "../../shared/i18n/languages";

export const sessionAttendanceI18n = defineResources({
  en: {
    open: "Attendance",
    title: "Attendance: {{title}}",
    intro: "Accepted participants of the event; untick those who were absent.",
    present: "Present",
    note: "Note",
    none: "No accepted participants.",
    save: "Save attendance",
  },
  az: {
    open: "İştirak",
    title: "İştirak: {{title}}",
    intro: "Tədbirin qəbul olunmuş iştirakçıları; iştirak etməyənlərin işarəsini götürün.",
    present: "İştirak edib",
    note: "Qeyd",
    none: "Qəbul olunmuş iştirakçı yoxdur.",
    save: "İştirakı yadda saxla",
  },
  ru: {
    open: "Посещаемость",
    title: "Посещаемость: {{title}}",
    intro: "Принятые участники мероприятия; снимите отметку с отсутствовавших.",
    present: "Присутствовал",
    note: "Примечание",
    none: "Нет принятых участников.",
    save: "Сохранить посещаемость",
  },
});
