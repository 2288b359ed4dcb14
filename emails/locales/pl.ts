import type { PartialEmailMessages } from "./index.ts";

// Polski, do e-maili dla uczestników; słownictwo jak w app/locales/pl.ts („zgłoszenie”, „lista
// oczekujących”). Pełne tłumaczenie: żaden klucz nie wraca do angielskiego (sprawdza to
// ./locales.test.ts). Czas trwania stoi po „za”, stąd biernik: „za 1 godzinę”, „za 5 minut”.
const pl: PartialEmailMessages = {
  common: {
    // Between a label and its value ("Event page: https://…").
    colon: ":",
    greeting: "Dzień dobry, {{name}},",
    greetingNoName: "Dzień dobry,",
    yourTime: "W Twojej strefie czasowej",
    otherCities: "Na świecie",
    joinButton: "Dołącz do sesji",
    joinLabel: "Link do sesji",
    joinPrivate: "Ten link jest przeznaczony wyłącznie dla zarejestrowanych uczestników – prosimy go nie udostępniać.",
    eventPage: "Strona wydarzenia",
    manage: "Zarządzaj zgłoszeniem",
    manageHint: "W każdej chwili możesz zmienić imię i nazwisko, strefę czasową lub język, przenieść się na inną sesję albo anulować zgłoszenie.",
    // The manage link once the registration or the session is cancelled: nothing left to cancel.
    manageClosed: "Twoje zgłoszenie",
    manageClosedHint: "Sprawdź swoje zgłoszenie i pozostałe sesje wydarzenia.",
    calendarAttached: "Załączone zaproszenie doda tę sesję do Twojego kalendarza.",
    calendarCancelAttached: "Załączona aktualizacja usunie tę sesję z Twojego kalendarza.",
    calendarUpdateAttached: "Załączone zaproszenie przeniesie wpis, który masz już w kalendarzu.",
    noteFromOrganisers: "Wiadomość od organizatorów: {{note}}",
    switchedFrom: "Twoje zgłoszenie zostało przeniesione z sesji w terminie: {{when}}.",
    switchedTo: "Twoje zgłoszenie zostało przeniesione na sesję w terminie: {{when}}. Potwierdzimy to w osobnym e-mailu.",
    footer: "Otrzymujesz tę wiadomość, ponieważ zarejestrowano Cię na wydarzenie „{{event}}”.",
    nextDay: "+1 dzień",
    previousDay: "−1 dzień",
    language: "Język: {{language}}",
  },
  duration: {
    hours: { one: "{{count}} godzinę", few: "{{count}} godziny", many: "{{count}} godzin", other: "{{count}} godziny" },
    minutes: { one: "{{count}} minutę", few: "{{count}} minuty", many: "{{count}} minut", other: "{{count}} minuty" },
  },
  calendar: {
    colon: ":",
    eventPage: "Strona wydarzenia",
    join: "Dołącz",
    manage: "Zarządzaj zgłoszeniem lub je anuluj",
    cancelledPrefix: "Odwołane: ",
    manageCancelled: "Twoje zgłoszenie",
  },
  kinds: {
    "registration-confirmed": {
      subject: "Rejestracja potwierdzona: {{event}}",
      heading: "Rejestracja potwierdzona",
      intro: "Twoje miejsce jest potwierdzone. Oto wszystko, czego potrzebujesz, aby dołączyć.",
    },
    "registration-waitlisted": {
      subject: "Jesteś na liście oczekujących: {{event}}",
      heading: "Jesteś na liście oczekujących",
      intro:
        "Na tę sesję nie ma już wolnych miejsc, dlatego wpisaliśmy Cię na listę oczekujących. Jeśli zwolni się miejsce, Twoje zgłoszenie zostanie automatycznie potwierdzone, a my od razu wyślemy Ci e-mail z informacjami, jak dołączyć.",
    },
    "registration-pending": {
      subject: "Otrzymaliśmy Twoje zgłoszenie: {{event}}",
      heading: "Otrzymaliśmy Twoje zgłoszenie",
      intro: "Organizatorzy sprawdzają każde zgłoszenie na to wydarzenie. Napiszemy do Ciebie, gdy tylko podejmą decyzję.",
    },
    "registration-approved": {
      subject: "Zgłoszenie zaakceptowane: {{event}}",
      heading: "Twoje zgłoszenie zostało zaakceptowane",
      intro: "Organizatorzy zaakceptowali Twoje zgłoszenie. Oto wszystko, czego potrzebujesz, aby dołączyć.",
    },
    "registration-declined": {
      subject: "W sprawie Twojego zgłoszenia: {{event}}",
      heading: "Nie możemy zaoferować Ci miejsca",
      intro:
        "Przykro nam, ale organizatorzy nie mogą zaoferować Ci miejsca na tej sesji. Na stronie wydarzenia znajdziesz inne sesje oraz nagrania sesji, które już się odbyły.",
    },
    "waitlist-promoted": {
      subject: "Zwolniło się miejsce – rejestracja potwierdzona: {{event}}",
      heading: "Zwolniło się miejsce dla Ciebie",
      intro: "Dobra wiadomość: zwolniło się miejsce i Twoja rejestracja jest już potwierdzona. Oto wszystko, czego potrzebujesz, aby dołączyć.",
    },
    "registration-cancelled": {
      subject: "Zgłoszenie anulowane: {{event}}",
      heading: "Twoje zgłoszenie zostało anulowane",
      intro: "Twoje zgłoszenie na tę sesję zostało anulowane.",
      byOrganiser: "Organizatorzy anulowali Twoje zgłoszenie na tę sesję.",
      switched: "Twoje zgłoszenie na tę sesję nie jest już aktywne.",
      comeBack: "Zmiana planów? Dopóki są wolne miejsca, możesz ponownie zarejestrować się na stronie wydarzenia.",
    },
    "session-cancelled": {
      subject: "Sesja odwołana: {{event}}",
      heading: "Ta sesja została odwołana",
      intro: "Przykro nam, ale organizatorzy odwołali tę sesję.",
      alternatives: "Na stronie wydarzenia znajdziesz inne sesje, do których możesz dołączyć.",
    },
    "session-updated": {
      subject: "Zmiana w sesji: {{event}}",
      heading: "Sesja uległa zmianie",
      intro: "Szczegóły tej sesji uległy zmianie. Sprawdź termin i link poniżej.",
      // For someone without a join link (waitlisted, awaiting approval).
      introNoLink: "Szczegóły tej sesji uległy zmianie. Sprawdź nowy termin poniżej.",
      previously: "Poprzednio: {{when}}",
    },
    "session-reminder": {
      subject: "Przypomnienie: {{event}} za {{duration}}",
      heading: "Początek za {{duration}}",
      intro: "Przypominamy, że Twoja sesja zaczyna się za {{duration}}.",
      cantMakeIt: "Nie możesz jednak wziąć udziału? Anuluj zgłoszenie na stronie zarządzania, aby Twoje miejsce mogła zająć osoba z listy oczekujących.",
    },
    "recording-available": {
      subject: "Nagranie dostępne: {{event}}",
      heading: "Nagranie jest dostępne",
      intro: "Nagranie tej sesji jest już dostępne – możesz je obejrzeć w dogodnym dla siebie czasie.",
      watch: "Obejrzyj nagranie",
    },
    "registration-resent": {
      subject: "Twoje zgłoszenie: {{event}}",
      heading: "Twoje zgłoszenie",
      intro: "Zgodnie z prośbą przesyłamy ponownie szczegóły Twojego zgłoszenia.",
      confirmed: "Twoje miejsce jest potwierdzone.",
      waitlisted: "Jesteś na liście oczekujących na tę sesję. Jeśli zwolni się miejsce, od razu do Ciebie napiszemy.",
      pending: "Twoje zgłoszenie czeka na akceptację organizatorów.",
      other: "Twoje zgłoszenie nie jest już aktywne.",
    },
    "organiser-message": {
      subject: "{{subject}} · {{event}}",
      heading: "Wiadomość od organizatorów",
      intro: "Organizatorzy wydarzenia „{{event}}” przesłali tę wiadomość osobom zarejestrowanym na Twoją sesję:",
    },
  },
};

export default pl;
