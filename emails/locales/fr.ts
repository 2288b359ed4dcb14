import type { PartialEmailMessages } from "./index.ts";

// Français, pour les e-mails aux participant·es. Mêmes conventions que app/locales/fr.ts :
// « séance », formes inclusives avec le point médian, espace insécable (U+00A0, invisible ici)
// avant : ; ? ! et à l’intérieur des « guillemets ». Traduction complète : aucune clé ne
// retombe sur l’anglais (vérifié par ./locales.test.ts).
const fr: PartialEmailMessages = {
  common: {
    // Between a label and its value ("Event page: https://…").
    colon: " :",
    greeting: "Bonjour {{name}},",
    greetingNoName: "Bonjour,",
    yourTime: "Votre horaire",
    otherCities: "Ailleurs dans le monde",
    joinButton: "Rejoindre la séance",
    joinLabel: "Lien de connexion",
    joinPrivate: "Ce lien est réservé aux personnes inscrites ; merci de ne pas le partager.",
    eventPage: "Page de l’événement",
    manage: "Gérer votre inscription",
    manageHint: "Modifiez à tout moment votre nom, votre fuseau horaire ou votre langue, changez de séance ou annulez votre inscription.",
    // The manage link once the registration or the session is cancelled: nothing left to cancel.
    manageClosed: "Votre inscription",
    manageClosedHint: "Consultez votre inscription et les autres séances de l’événement.",
    calendarAttached: "L’invitation jointe ajoute cette séance à votre agenda.",
    calendarCancelAttached: "La mise à jour jointe retire cette séance de votre agenda.",
    calendarUpdateAttached: "L’invitation jointe déplace l’entrée déjà présente dans votre agenda.",
    noteFromOrganisers: "Message de l’équipe d’organisation : {{note}}",
    switchedFrom: "Vous avez rejoint cette séance en quittant celle du {{when}}.",
    switchedTo: "Vous êtes passé·e à la séance du {{when}} ; un autre e-mail vous le confirme.",
    footer: "Vous recevez cet e-mail parce que vous vous êtes inscrit·e à « {{event}} ».",
    nextDay: "+1 jour",
    previousDay: "−1 jour",
    language: "Langue : {{language}}",
  },
  duration: {
    hours: { one: "{{count}} heure", many: "{{count}} heures", other: "{{count}} heures" },
    minutes: { one: "{{count}} minute", many: "{{count}} minutes", other: "{{count}} minutes" },
  },
  calendar: {
    colon: " :",
    eventPage: "Page de l’événement",
    join: "Rejoindre",
    manage: "Gérer ou annuler votre inscription",
    cancelledPrefix: "Annulé : ",
    manageCancelled: "Votre inscription",
  },
  kinds: {
    "registration-confirmed": {
      subject: "Inscription confirmée : {{event}}",
      heading: "Votre inscription est confirmée",
      intro: "Votre place est confirmée. Voici tout ce dont vous avez besoin pour participer.",
    },
    "registration-waitlisted": {
      subject: "Vous êtes sur la liste d’attente : {{event}}",
      heading: "Vous êtes sur la liste d’attente",
      intro:
        "Cette séance est complète : nous vous avons donc inscrit·e sur la liste d’attente. Si une place se libère, votre inscription sera confirmée automatiquement et nous vous enverrons aussitôt les informations de connexion.",
    },
    "registration-pending": {
      subject: "Demande d’inscription reçue : {{event}}",
      heading: "Nous avons bien reçu votre demande d’inscription",
      intro:
        "L’équipe d’organisation examine chaque inscription à cet événement. Nous vous écrirons dès qu’elle aura pris sa décision.",
    },
    "registration-approved": {
      subject: "Inscription acceptée : {{event}}",
      heading: "Votre inscription est acceptée",
      intro: "L’équipe d’organisation a accepté votre inscription. Voici tout ce dont vous avez besoin pour participer.",
    },
    "registration-declined": {
      subject: "Votre inscription à {{event}}",
      heading: "Nous n’avons pas pu vous proposer de place",
      intro:
        "Malheureusement, l’équipe d’organisation n’a pas pu vous proposer de place pour cette séance. La page de l’événement présente les autres séances ainsi que les enregistrements des séances passées.",
    },
    "waitlist-promoted": {
      subject: "Une place s’est libérée : vous êtes inscrit·e à {{event}}",
      heading: "Une place s’est libérée pour vous",
      intro: "Bonne nouvelle : une place s’est libérée et votre inscription est désormais confirmée. Voici tout ce dont vous avez besoin pour participer.",
    },
    "registration-cancelled": {
      subject: "Inscription annulée : {{event}}",
      heading: "Votre inscription est annulée",
      intro: "Votre inscription à cette séance est annulée.",
      byOrganiser: "L’équipe d’organisation a annulé votre inscription à cette séance.",
      switched: "Vous n’êtes plus inscrit·e à cette séance.",
      comeBack: "Vous avez changé d’avis ? Vous pouvez vous réinscrire depuis la page de l’événement tant qu’il reste des places.",
    },
    "session-cancelled": {
      subject: "Séance annulée : {{event}}",
      heading: "Cette séance est annulée",
      intro: "Malheureusement, l’équipe d’organisation a dû annuler cette séance.",
      alternatives: "La page de l’événement indique les autres séances auxquelles vous pouvez participer.",
    },
    "session-updated": {
      subject: "Séance modifiée : {{event}}",
      heading: "La séance a été modifiée",
      intro: "Les informations de cette séance ont changé. Veuillez vérifier l’horaire et le lien ci-dessous.",
      // For someone without a join link (waitlisted, awaiting approval).
      introNoLink: "Les informations de cette séance ont changé. Veuillez vérifier le nouvel horaire ci-dessous.",
      previously: "Auparavant : {{when}}",
    },
    "session-reminder": {
      subject: "Rappel : {{event}} commence dans {{duration}}",
      heading: "Début dans {{duration}}",
      intro: "Pour rappel, votre séance commence dans {{duration}}.",
      cantMakeIt: "Vous ne pouvez plus participer ? Merci d’annuler votre inscription depuis la page de gestion afin qu’une personne de la liste d’attente puisse prendre votre place.",
    },
    "recording-available": {
      subject: "Enregistrement disponible : {{event}}",
      heading: "L’enregistrement est disponible",
      intro: "L’enregistrement de cette séance est désormais disponible : regardez-le à votre rythme.",
      watch: "Regarder l’enregistrement",
    },
    "registration-resent": {
      subject: "Votre inscription : {{event}}",
      heading: "Votre inscription",
      intro: "Comme vous l’avez demandé, voici à nouveau les informations relatives à votre inscription.",
      confirmed: "Votre place est confirmée.",
      waitlisted: "Vous êtes sur la liste d’attente de cette séance. Si une place se libère, nous vous écrirons aussitôt.",
      pending: "Votre inscription est en attente de validation par l’équipe d’organisation.",
      other: "Votre inscription n’est plus active.",
    },
    "organiser-message": {
      subject: "{{subject}} · {{event}}",
      heading: "Un message de l’équipe d’organisation",
      intro: "L’équipe d’organisation de « {{event}} » a envoyé ce message aux personnes inscrites à votre séance :",
    },
  },
};

export default fr;
