import type { PartialEmailMessages } from "./index.ts";

// Español neutro para los correos a participantes, con trato de «usted», como app/locales/es.ts.
// Traducción completa: ninguna clave recurre al inglés (lo comprueba ./locales.test.ts).
const es: PartialEmailMessages = {
  common: {
    // Between a label and its value ("Event page: https://…").
    colon: ":",
    greeting: "Estimado/a {{name}}:",
    greetingNoName: "Estimado/a participante:",
    yourTime: "Su horario",
    otherCities: "En otras ciudades",
    joinButton: "Unirse a la sesión",
    joinLabel: "Enlace de acceso",
    joinPrivate: "Este enlace es personal y solo para las personas inscritas; le pedimos que no lo comparta.",
    eventPage: "Página del evento",
    manage: "Gestionar su inscripción",
    manageHint: "Actualice su nombre, zona horaria o idioma, cambie de sesión o cancele su inscripción en cualquier momento.",
    // The manage link once the registration or the session is cancelled: nothing left to cancel.
    manageClosed: "Su inscripción",
    manageClosedHint: "Consulte su inscripción y las demás sesiones del evento.",
    calendarAttached: "La invitación adjunta agrega esta sesión a su calendario.",
    calendarCancelAttached: "La actualización adjunta elimina esta sesión de su calendario.",
    calendarUpdateAttached: "La invitación adjunta actualiza la entrada que ya tiene en su calendario.",
    noteFromOrganisers: "Nota del equipo organizador: {{note}}",
    switchedFrom: "Se cambió a esta sesión desde la del {{when}}.",
    switchedTo: "Se cambió a la sesión del {{when}}; recibirá un correo aparte que lo confirma.",
    footer: "Recibe este correo porque se inscribió en {{event}}.",
    nextDay: "+1 día",
    previousDay: "−1 día",
    language: "Idioma: {{language}}",
  },
  duration: {
    hours: { one: "{{count}} hora", many: "{{count}} horas", other: "{{count}} horas" },
    minutes: { one: "{{count}} minuto", many: "{{count}} minutos", other: "{{count}} minutos" },
  },
  calendar: {
    colon: ":",
    eventPage: "Página del evento",
    join: "Unirse",
    manage: "Gestionar o cancelar su inscripción",
    cancelledPrefix: "Cancelado: ",
    manageCancelled: "Su inscripción",
  },
  kinds: {
    "registration-confirmed": {
      subject: "Inscripción confirmada: {{event}}",
      heading: "Su inscripción está confirmada",
      intro: "Su lugar está confirmado. Aquí tiene todo lo que necesita para participar.",
    },
    "registration-waitlisted": {
      subject: "Está en la lista de espera: {{event}}",
      heading: "Está en la lista de espera",
      intro:
        "Esta sesión está completa, así que su inscripción quedó en la lista de espera. Si se libera un lugar, su inscripción se confirmará automáticamente y le enviaremos de inmediato los datos de acceso.",
    },
    "registration-pending": {
      subject: "Solicitud de inscripción recibida: {{event}}",
      heading: "Recibimos su solicitud de inscripción",
      intro: "El equipo organizador revisa cada inscripción a este evento. Le escribiremos en cuanto tome una decisión.",
    },
    "registration-approved": {
      subject: "Inscripción aprobada: {{event}}",
      heading: "Su inscripción fue aprobada",
      intro: "El equipo organizador aprobó su inscripción. Aquí tiene todo lo que necesita para participar.",
    },
    "registration-declined": {
      subject: "Sobre su inscripción en {{event}}",
      heading: "No pudimos ofrecerle un lugar",
      intro:
        "Lo lamentamos: el equipo organizador no pudo ofrecerle un lugar en esta sesión. En la página del evento encontrará otras sesiones y las grabaciones de las sesiones anteriores.",
    },
    "waitlist-promoted": {
      subject: "Se liberó un lugar: su inscripción en {{event}} está confirmada",
      heading: "Se liberó un lugar para usted",
      intro: "¡Buenas noticias! Se liberó un lugar y su inscripción ya está confirmada. Aquí tiene todo lo que necesita para participar.",
    },
    "registration-cancelled": {
      subject: "Inscripción cancelada: {{event}}",
      heading: "Su inscripción está cancelada",
      intro: "Su inscripción en esta sesión está cancelada.",
      byOrganiser: "El equipo organizador canceló su inscripción en esta sesión.",
      switched: "Ya no está inscrito/a en esta sesión.",
      comeBack: "¿Cambió de opinión? Puede volver a inscribirse desde la página del evento mientras queden lugares.",
    },
    "session-cancelled": {
      subject: "Sesión cancelada: {{event}}",
      heading: "Esta sesión se canceló",
      intro: "Lo lamentamos: el equipo organizador canceló esta sesión.",
      alternatives: "En la página del evento encontrará las demás sesiones en las que puede participar.",
    },
    "session-updated": {
      subject: "Sesión actualizada: {{event}}",
      heading: "La sesión cambió",
      intro: "Los detalles de esta sesión cambiaron. Revise la fecha, la hora y el enlace a continuación.",
      // For someone without a join link (waitlisted, awaiting approval).
      introNoLink: "Los detalles de esta sesión cambiaron. Revise la nueva fecha y hora a continuación.",
      previously: "Antes: {{when}}",
    },
    "session-reminder": {
      subject: "Recordatorio: {{event}} comienza en {{duration}}",
      heading: "Comienza en {{duration}}",
      intro: "Le recordamos que su sesión comienza en {{duration}}.",
      cantMakeIt: "¿Ya no puede asistir? Cancele su inscripción desde la página de gestión para que otra persona de la lista de espera pueda ocupar su lugar.",
    },
    "recording-available": {
      subject: "Grabación disponible: {{event}}",
      heading: "La grabación está disponible",
      intro: "La grabación de esta sesión ya está disponible para que la vea a su propio ritmo.",
      watch: "Ver la grabación",
    },
    "registration-resent": {
      subject: "Su inscripción: {{event}}",
      heading: "Su inscripción",
      intro: "Como lo solicitó, aquí tiene nuevamente los datos de su inscripción.",
      confirmed: "Su lugar está confirmado.",
      waitlisted: "Está en la lista de espera de esta sesión. Si se libera un lugar, le escribiremos de inmediato.",
      pending: "Su inscripción está pendiente de aprobación por el equipo organizador.",
      other: "Su inscripción ya no está activa.",
    },
    "organiser-message": {
      subject: "{{subject}} · {{event}}",
      heading: "Un mensaje del equipo organizador",
      intro: "El equipo organizador de {{event}} envió este mensaje a las personas inscritas en su sesión:",
    },
  },
};

export default es;
