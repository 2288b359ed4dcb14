import type { PartialEmailMessages } from "./index.ts";

// العربية الفصحى لرسائل المشاركين، بالمصطلحات نفسها المعتمدة في app/locales/ar.ts.
// "\u200E" (LEFT-TO-RIGHT MARK) keeps "+1"/"−1" reading left to right inside right-to-left text.
// Complete: no key falls back to English (checked by ./locales.test.ts). Durations follow
// "بعد" ("in"), so the dual is in the oblique case: "ساعتين", "دقيقتين".
const ar: PartialEmailMessages = {
  common: {
    // Between a label and its value ("Event page: https://…").
    colon: ":",
    greeting: "مرحبًا {{name}}،",
    greetingNoName: "مرحبًا،",
    yourTime: "الموعد بتوقيتك",
    otherCities: "حول العالم",
    joinButton: "الانضمام إلى الجلسة",
    joinLabel: "رابط الانضمام",
    joinPrivate: "هذا الرابط مخصّص للمشاركين المسجَّلين؛ يُرجى عدم مشاركته مع أحد.",
    eventPage: "صفحة الفعالية",
    manage: "إدارة تسجيلك",
    manageHint: "يمكنك في أي وقت تعديل اسمك أو منطقتك الزمنية أو لغتك، أو الانتقال إلى جلسة أخرى، أو إلغاء التسجيل.",
    // The manage link once the registration or the session is cancelled: nothing left to cancel.
    manageClosed: "تسجيلك",
    manageClosedHint: "اطّلع على تسجيلك وعلى جلسات الفعالية الأخرى.",
    calendarAttached: "تضيف الدعوة المرفقة هذه الجلسة إلى تقويمك.",
    calendarCancelAttached: "يزيل التحديث المرفق هذه الجلسة من تقويمك.",
    calendarUpdateAttached: "تنقل الدعوة المرفقة الموعد الموجود مسبقًا في تقويمك.",
    noteFromOrganisers: "ملاحظة من المنظِّمين: {{note}}",
    switchedFrom: "انتقلت إلى هذه الجلسة من الجلسة المقرّرة في {{when}}.",
    switchedTo: "انتقلت إلى الجلسة المقرّرة في {{when}}؛ وستصلك رسالة منفصلة لتأكيد ذلك.",
    footer: "تصلك هذه الرسالة لأنك سجّلت في {{event}}.",
    nextDay: "\u200E+1 يوم",
    previousDay: "\u200E−1 يوم",
    language: "اللغة: {{language}}",
  },
  duration: {
    hours: {
      zero: "{{count}} ساعة",
      one: "ساعة واحدة",
      two: "ساعتين",
      few: "{{count}} ساعات",
      many: "{{count}} ساعة",
      other: "{{count}} ساعة",
    },
    minutes: {
      zero: "{{count}} دقيقة",
      one: "دقيقة واحدة",
      two: "دقيقتين",
      few: "{{count}} دقائق",
      many: "{{count}} دقيقة",
      other: "{{count}} دقيقة",
    },
  },
  calendar: {
    colon: ":",
    eventPage: "صفحة الفعالية",
    join: "الانضمام",
    manage: "إدارة تسجيلك أو إلغاؤه",
    cancelledPrefix: "ملغاة: ",
    manageCancelled: "تسجيلك",
  },
  kinds: {
    "registration-confirmed": {
      subject: "تم تسجيلك: {{event}}",
      heading: "تم تسجيلك",
      intro: "تأكّد حجز مكانك. إليك كل ما تحتاج إليه للانضمام.",
    },
    "registration-waitlisted": {
      subject: "أنت على قائمة الانتظار: {{event}}",
      heading: "أنت على قائمة الانتظار",
      intro:
        "اكتمل عدد المشاركين في هذه الجلسة، لذا أضفناك إلى قائمة الانتظار. إذا شغر مكان فسيُؤكَّد تسجيلك تلقائيًا، وسنرسل إليك تفاصيل الانضمام فورًا.",
    },
    "registration-pending": {
      subject: "تسلّمنا طلب تسجيلك: {{event}}",
      heading: "تسلّمنا طلب تسجيلك",
      intro: "يراجع المنظِّمون كل طلب تسجيل في هذه الفعالية، وسنراسلك فور اتخاذهم القرار.",
    },
    "registration-approved": {
      subject: "تمت الموافقة على تسجيلك: {{event}}",
      heading: "تمت الموافقة على تسجيلك",
      intro: "وافق المنظِّمون على تسجيلك. إليك كل ما تحتاج إليه للانضمام.",
    },
    "registration-declined": {
      subject: "بشأن تسجيلك في {{event}}",
      heading: "تعذّر علينا توفير مكان لك",
      intro:
        "نأسف لإبلاغك بأن المنظِّمين لم يتمكنوا من توفير مكان لك في هذه الجلسة. تعرض صفحة الفعالية جلسات أخرى وتسجيلات الجلسات السابقة.",
    },
    "waitlist-promoted": {
      subject: "شغر مكان وتأكّد تسجيلك: {{event}}",
      heading: "شغر مكان لك",
      intro: "أخبار سارّة: شغر مكان وتأكّد تسجيلك الآن. إليك كل ما تحتاج إليه للانضمام.",
    },
    "registration-cancelled": {
      subject: "أُلغي التسجيل: {{event}}",
      heading: "أُلغي تسجيلك",
      intro: "أُلغي تسجيلك في هذه الجلسة.",
      byOrganiser: "ألغى المنظِّمون تسجيلك في هذه الجلسة.",
      switched: "لم يعد لك تسجيل في هذه الجلسة.",
      comeBack: "هل غيّرت رأيك؟ يمكنك التسجيل من جديد من صفحة الفعالية ما دامت هناك أماكن متاحة.",
    },
    "session-cancelled": {
      subject: "أُلغيت الجلسة: {{event}}",
      heading: "أُلغيت هذه الجلسة",
      intro: "نأسف لإبلاغك بأن المنظِّمين ألغوا هذه الجلسة.",
      alternatives: "تعرض صفحة الفعالية أي جلسات أخرى يمكنك الانضمام إليها.",
    },
    "session-updated": {
      subject: "تغيير في الجلسة: {{event}}",
      heading: "طرأ تغيير على الجلسة",
      intro: "تغيّرت تفاصيل هذه الجلسة. يُرجى التحقق من الموعد والرابط أدناه.",
      // For someone without a join link (waitlisted, awaiting approval).
      introNoLink: "تغيّرت تفاصيل هذه الجلسة. يُرجى التحقق من الموعد الجديد أدناه.",
      previously: "الموعد السابق: {{when}}",
    },
    "session-reminder": {
      subject: "تذكير: {{event}} بعد {{duration}}",
      heading: "تبدأ الجلسة بعد {{duration}}",
      intro: "نذكّرك بأن جلستك تبدأ بعد {{duration}}.",
      cantMakeIt: "ألن تتمكن من الحضور؟ يُرجى إلغاء تسجيلك من صفحة إدارة التسجيل ليتمكن شخص من قائمة الانتظار من أخذ مكانك.",
    },
    "recording-available": {
      subject: "تسجيل الجلسة متاح: {{event}}",
      heading: "تسجيل الجلسة متاح الآن",
      intro: "أصبح تسجيل هذه الجلسة متاحًا الآن، ويمكنك مشاهدته في الوقت الذي يناسبك.",
      watch: "مشاهدة التسجيل",
    },
    "registration-resent": {
      subject: "تسجيلك: {{event}}",
      heading: "تسجيلك",
      intro: "بناءً على طلبك، إليك تفاصيل تسجيلك مرة أخرى.",
      confirmed: "تأكّد حجز مكانك.",
      waitlisted: "أنت على قائمة الانتظار لهذه الجلسة. إذا شغر مكان فسنراسلك فورًا.",
      pending: "تسجيلك بانتظار موافقة المنظِّمين.",
      other: "لم يعد تسجيلك نشطًا.",
    },
    "organiser-message": {
      subject: "{{subject}} · {{event}}",
      heading: "رسالة من المنظِّمين",
      intro: "أرسل منظِّمو {{event}} هذه الرسالة إلى المسجَّلين في جلستك:",
    },
  },
};

export default ar;
