// The demo events. Every date is computed from the `Schedule` handed in, so the
// catalogue always has upcoming and past events whatever day it is seeded.
import type { DateTime } from "luxon";
import { pillarSlug, standardSlug } from "./reference-data.ts";

export type EventType = "webinar" | "live-qa" | "audio" | "video" | "workshop";
export type EventStatus = "published" | "draft" | "cancelled";

export interface Schedule {
  /** The seeding instant. */
  now: DateTime;
  /**
   * A working day `days` from now (negative = in the past) at local `time` ("HH:mm")
   * in `zone`. Weekends of that zone and the year-end break are skipped, forwards
   * for future days and backwards for past ones.
   */
  at(days: number, time: string, zone: string): DateTime;
  /**
   * The start, in Asia/Dhaka, of a 90-minute session that straddles the next US
   * daylight-saving change (found by scanning, see catalogue.ts).
   */
  usDstStraddleStart: DateTime;
}

export interface SessionSeed {
  title?: string;
  /** In the zone the organiser entered it in; that zone is stored with the session. */
  startsAt: DateTime;
  minutes: number;
  /** Defaults to the event's primary language. */
  languageCode?: string;
}

export interface RecordingSeed {
  /** Base name of the .vtt files in prisma/seed/transcripts, e.g. "gestion-de-cas". */
  transcriptBaseName: string;
  title: string;
  languageCode: string;
  /** One transcript per language; the file is `<base>.<lang>.vtt`. */
  transcriptLanguages: string[];
}

export interface EventSeed {
  slug: string;
  type: EventType;
  status: EventStatus;
  title: string;
  summary: string;
  description: string;
  primaryLanguageCode: string;
  supportedLanguages?: { code: string; kind: "interpretation" | "support" | "captions" }[];
  timeZone: string;
  referenceCities?: string[];
  seriesSlug?: string;
  capacity?: number;
  approvalRequired?: boolean;
  isRecorded?: boolean;
  joinUrl?: string;
  cancellationNote?: string;
  topicSlugs: string[];
  speakers: { slug: string; role: "speaker" | "moderator" | "panellist" }[];
  sessions: SessionSeed[];
  translations?: { locale: string; title: string; summary: string; description: string }[];
  questions?: { kind: "text" | "single" | "multiple" | "yesno"; label: string; options?: string[]; required?: boolean }[];
  resources?: { title: string; url: string; kind: "document" | "slides" | "guide" | "link"; languageCode: string; topicSlug?: string }[];
  recording?: RecordingSeed;
}

/** Strips the indentation shared by every line so descriptions can be indented in this file. */
function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ""), "");
  const lines = raw.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n");
  const indent = Math.min(
    ...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length),
  );
  return lines.map((l) => l.slice(indent)).join("\n");
}

const S = standardSlug;
const P = pillarSlug;

const CPMS_HANDBOOK = "https://alliancecpha.org/en/CPMS_home";

const GLOBAL_CITIES = ["America/New_York", "Europe/London", "Europe/Zurich", "Asia/Amman", "Asia/Dhaka", "Asia/Bangkok"];
const ARAB_STATES_CITIES = ["Asia/Amman", "Asia/Beirut", "Africa/Cairo", "Asia/Baghdad", "Europe/Zurich"];
const LATIN_AMERICA_CITIES = ["America/Mexico_City", "America/Bogota", "America/Lima", "America/New_York", "Europe/Zurich"];
const FRANCOPHONE_AFRICA_CITIES = ["Africa/Dakar", "Africa/Lagos", "Africa/Kinshasa", "Africa/Lubumbashi", "Europe/Zurich"];
const EUROPE_UKRAINE_CITIES = ["Europe/Warsaw", "Europe/Kyiv", "Europe/Zurich", "Europe/London"];
const SOUTH_ASIA_CITIES = ["Asia/Dhaka", "Asia/Bangkok", "Europe/Zurich", "America/New_York"];

export function buildEventSeeds(schedule: Schedule): EventSeed[] {
  const { at } = schedule;

  return [
    // ───────────────────────────── Past events ─────────────────────────────
    {
      slug: "cpms-2019-edition-introduction",
      type: "video",
      status: "published",
      title: "Introducing the 2019 edition of the Child Protection Minimum Standards",
      summary:
        "A guided tour of what changed in the 2019 edition: the four pillars, the new prevention focus and the standards that work across sectors.",
      description: md`
        The 2019 edition of the Child Protection Minimum Standards (CPMS) is the result of a two-year
        revision involving more than 1,900 practitioners in 82 countries. This video walks through its
        structure and explains the choices behind it.

        ## What you will learn

        - How the **28 standards** are grouped into four pillars, and why
        - What the stronger emphasis on **prevention** means for programme design
        - How the new socio-ecological approach connects child, family, community and society
        - Where to find the key actions, measurements and guidance notes for each standard

        ## Who it is for

        Child protection staff who are new to the standards, and colleagues from other sectors who want
        to understand the common language of the child protection response.

        Read the standards themselves on the [Alliance website](${CPMS_HANDBOOK}).
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "fr", kind: "captions" }, { code: "es", kind: "captions" }],
      timeZone: "Europe/Zurich",
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/cpms-2019-intro-4821",
      topicSlugs: [P(1), S(1), S(4)],
      speakers: [
        { slug: "lena-fischer", role: "speaker" },
        { slug: "amara-okafor", role: "moderator" },
      ],
      sessions: [{ title: "Premiere", startsAt: at(-365, "14:00", "Europe/Zurich"), minutes: 75 }],
      translations: [
        {
          locale: "fr",
          title: "Présentation de l'édition 2019 des Standards minimums pour la protection de l'enfance",
          summary:
            "Une visite guidée des nouveautés de l'édition 2019 : les quatre piliers, l'accent mis sur la prévention et les standards intersectoriels.",
          description: md`
            L'édition 2019 des Standards minimums pour la protection de l'enfance dans l'action humanitaire
            (SMPE) est le fruit d'une révision de deux ans à laquelle ont participé plus de 1 900 praticiens
            dans 82 pays. Cette vidéo présente sa structure et les choix qui la sous-tendent.

            ## Ce que vous apprendrez

            - Comment les **28 standards** sont regroupés en quatre piliers, et pourquoi
            - Ce que l'accent renforcé sur la **prévention** change pour la conception des programmes
            - Comment l'approche socio-écologique relie l'enfant, la famille, la communauté et la société

            Consultez les standards sur le [site de l'Alliance](${CPMS_HANDBOOK}).
          `,
        },
        {
          locale: "es",
          title: "Presentación de la edición 2019 de las Normas mínimas para la protección de la niñez",
          summary:
            "Un recorrido por las novedades de la edición 2019: los cuatro pilares, el nuevo énfasis en la prevención y las normas que trabajan con otros sectores.",
          description: md`
            La edición 2019 de las Normas mínimas para la protección de la niñez y adolescencia en la acción
            humanitaria es el resultado de una revisión de dos años con más de 1.900 profesionales de 82 países.
            Este video explica su estructura y las decisiones que hay detrás.

            ## Qué aprenderá

            - Cómo se agrupan las **28 normas** en cuatro pilares, y por qué
            - Qué significa el mayor énfasis en la **prevención** para el diseño de programas
            - Cómo el enfoque socioecológico conecta a la niña o el niño, la familia, la comunidad y la sociedad

            Consulte las normas en el [sitio web de la Alianza](${CPMS_HANDBOOK}).
          `,
        },
      ],
      resources: [
        { title: "Child Protection Minimum Standards (2019 edition)", url: CPMS_HANDBOOK, kind: "guide", languageCode: "en", topicSlug: P(1) },
      ],
      recording: {
        transcriptBaseName: "cpms-2019-edition-introduction",
        title: "Introducing the 2019 edition of the CPMS",
        languageCode: "en",
        transcriptLanguages: ["en"],
      },
    },
    {
      slug: "mhpss-distress-in-children",
      type: "webinar",
      status: "published",
      title: "Recognising and responding to psychosocial distress in children",
      summary:
        "How frontline staff can tell ordinary stress reactions from signs that a child needs focused or specialised support, and how to refer safely.",
      description: md`
        Most children who live through conflict or displacement recover with the support of caring adults
        and a return to routine. Some need more. This webinar looks at **Standard 10** through the layers of
        the MHPSS intervention pyramid and what each layer asks of child protection staff.

        ## Topics

        1. Common stress reactions by age group, and what caregivers can do
        2. Warning signs that call for focused psychosocial support
        3. When and how to refer to specialised mental health care
        4. Looking after yourself and your team

        ## Language

        Held in English with simultaneous interpretation into Arabic; questions are welcome in French.

        Background reading: the [CPMS handbook](${CPMS_HANDBOOK}), Standard 10.
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "ar", kind: "interpretation" }, { code: "fr", kind: "support" }],
      timeZone: "Asia/Amman",
      referenceCities: GLOBAL_CITIES,
      seriesSlug: "cpms-in-practice",
      capacity: 500,
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/mhpss-distress-7730",
      topicSlugs: [S(10), P(2)],
      speakers: [
        { slug: "amara-okafor", role: "moderator" },
        { slug: "rania-haddad", role: "panellist" },
        { slug: "samuel-mwangi", role: "panellist" },
      ],
      sessions: [{ startsAt: at(-45, "13:00", "Asia/Amman"), minutes: 90 }],
      translations: [
        {
          locale: "ar",
          title: "التعرّف على الضيق النفسي والاجتماعي لدى الأطفال والاستجابة له",
          summary:
            "كيف يميّز العاملون في الخطوط الأمامية بين ردود الفعل الطبيعية للضغط وبين العلامات التي تدل على حاجة الطفل إلى دعم مركّز أو متخصص، وكيف تتم الإحالة بأمان.",
          description: md`
            يتعافى معظم الأطفال الذين عاشوا النزاع أو النزوح بفضل دعم البالغين الذين يرعونهم والعودة إلى
            روتين الحياة اليومية، لكن بعضهم يحتاج إلى أكثر من ذلك. تتناول هذه الندوة **المعيار 10** من خلال
            مستويات هرم التدخلات في مجال الصحة النفسية والدعم النفسي والاجتماعي، وما يتطلبه كل مستوى من
            العاملين في حماية الطفل.

            ## المحاور

            1. ردود الفعل الشائعة للضغط حسب الفئة العمرية، وما يمكن أن يفعله مقدمو الرعاية
            2. العلامات التحذيرية التي تستدعي دعمًا نفسيًا واجتماعيًا مركّزًا
            3. متى وكيف تتم الإحالة إلى خدمات الصحة النفسية المتخصصة
            4. العناية بالنفس وبفريق العمل

            تُعقد الندوة باللغة الإنجليزية مع ترجمة فورية إلى العربية.
          `,
        },
        {
          locale: "fr",
          title: "Reconnaître la détresse psychosociale chez l'enfant et y répondre",
          summary:
            "Comment le personnel de terrain peut distinguer les réactions de stress ordinaires des signes qu'un enfant a besoin d'un soutien ciblé ou spécialisé, et comment orienter en toute sécurité.",
          description: md`
            La plupart des enfants qui ont vécu un conflit ou un déplacement se rétablissent grâce au soutien
            d'adultes bienveillants et au retour d'une routine. Certains ont besoin de plus. Ce webinaire aborde
            le **standard 10** à travers les niveaux de la pyramide d'intervention en SMSPS.

            ## Thèmes

            1. Les réactions de stress courantes selon l'âge, et ce que peuvent faire les personnes qui s'occupent de l'enfant
            2. Les signes d'alerte qui appellent un soutien psychosocial ciblé
            3. Quand et comment orienter vers des soins de santé mentale spécialisés
            4. Prendre soin de soi et de son équipe

            Le webinaire se tient en anglais ; les questions en français sont les bienvenues.
          `,
        },
      ],
      resources: [
        { title: "CPMS Standard 10: Mental health and psychosocial distress", url: CPMS_HANDBOOK, kind: "guide", languageCode: "en", topicSlug: S(10) },
      ],
      recording: {
        transcriptBaseName: "mhpss-distress-in-children",
        title: "Recognising and responding to psychosocial distress in children",
        languageCode: "en",
        transcriptLanguages: ["en", "ar"],
      },
    },
    {
      slug: "unaccompanied-separated-children",
      type: "audio",
      status: "published",
      title: "Standards Spotlight: unaccompanied and separated children on the move",
      summary:
        "A conversation on preventing family separation along migration routes and on tracing families across borders.",
      description: md`
        In this episode of **Standards Spotlight**, Tomás Álvarez describes how his team prevents separation
        at border crossings and reception centres, and what it takes to trace a family when a child arrives
        alone.

        ## In this episode

        - Registration and documentation at the first point of contact
        - Interim care while tracing is under way
        - Verifying relationships before reunification
        - Working with authorities in more than one country

        The episode is about 25 minutes long; a full transcript is available for readers on slow connections.
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "es", kind: "support" }],
      timeZone: "America/Mexico_City",
      seriesSlug: "standards-spotlight",
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/uasc-spotlight-1184",
      topicSlugs: [S(13), S(19)],
      speakers: [
        { slug: "tomas-alvarez", role: "speaker" },
        { slug: "amara-okafor", role: "moderator" },
      ],
      sessions: [{ title: "Listening session and discussion", startsAt: at(-120, "10:00", "America/Mexico_City"), minutes: 60 }],
      recording: {
        transcriptBaseName: "unaccompanied-separated-children",
        title: "Unaccompanied and separated children on the move",
        languageCode: "en",
        transcriptLanguages: ["en"],
      },
    },
    {
      slug: "gestion-de-cas",
      type: "audio",
      status: "published",
      title: "La gestion de cas, du premier contact à la clôture du dossier",
      summary:
        "Deux superviseurs expliquent les étapes de la gestion de cas et la manière d'accompagner les travailleurs sociaux sur le terrain.",
      description: md`
        Ce nouvel épisode de **Standards Spotlight** est consacré au **standard 18 : gestion de cas**.
        Marie-Claire Diallo et Jean-Baptiste Mukendi reviennent sur chaque étape du processus et sur les
        difficultés rencontrées au Sahel et dans l'est de la République démocratique du Congo.

        ## Au programme

        1. Identification et enregistrement
        2. Évaluation et plan d'action
        3. Mise en œuvre, suivi et révision
        4. Clôture du dossier

        ## Pour aller plus loin

        Les standards sont disponibles en français sur le [site de l'Alliance](${CPMS_HANDBOOK}).
      `,
      primaryLanguageCode: "fr",
      timeZone: "Africa/Dakar",
      referenceCities: FRANCOPHONE_AFRICA_CITIES,
      seriesSlug: "standards-spotlight",
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/gestion-de-cas-2290",
      topicSlugs: [S(18), P(3)],
      speakers: [
        { slug: "marie-claire-diallo", role: "speaker" },
        { slug: "jean-baptiste-mukendi", role: "speaker" },
      ],
      sessions: [{ title: "Écoute collective et échange", startsAt: at(-75, "10:00", "Africa/Dakar"), minutes: 60 }],
      recording: {
        transcriptBaseName: "gestion-de-cas",
        title: "La gestion de cas, du premier contact à la clôture du dossier",
        languageCode: "fr",
        transcriptLanguages: ["fr"],
      },
    },
    {
      slug: "educacion-y-proteccion",
      type: "video",
      status: "published",
      title: "Educación y protección de la niñez: aulas que protegen",
      summary:
        "Cómo los espacios temporales de aprendizaje pueden identificar riesgos de protección y derivar a niñas y niños a los servicios adecuados.",
      description: md`
        Docentes y equipos de protección comparten a menudo a las mismas niñas y niños, pero rara vez
        planifican juntos. En este video, Lucía Fernández y Diego Ramírez presentan la experiencia de los
        espacios temporales de aprendizaje en la frontera colombo-venezolana y su relación con la
        **Norma 23**.

        ## Temas

        - Códigos de conducta y entornos escolares seguros
        - Rutas de derivación entre escuela y gestión de casos
        - Primeros auxilios psicológicos para docentes
        - Coordinación entre el grupo de educación y el de protección

        Más información en las [Normas mínimas de la INEE](https://inee.org/minimum-standards).
      `,
      primaryLanguageCode: "es",
      supportedLanguages: [{ code: "en", kind: "captions" }],
      timeZone: "America/Bogota",
      referenceCities: LATIN_AMERICA_CITIES,
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/educacion-proteccion-5512",
      topicSlugs: [S(23), S(15)],
      speakers: [
        { slug: "lucia-fernandez", role: "speaker" },
        { slug: "diego-ramirez", role: "speaker" },
      ],
      sessions: [{ title: "Estreno", startsAt: at(-30, "10:00", "America/Bogota"), minutes: 60 }],
      resources: [
        { title: "Normas mínimas de la INEE", url: "https://inee.org/minimum-standards", kind: "link", languageCode: "es", topicSlug: S(23) },
      ],
      recording: {
        transcriptBaseName: "educacion-y-proteccion",
        title: "Educación y protección de la niñez: aulas que protegen",
        languageCode: "es",
        transcriptLanguages: ["es"],
      },
    },
    {
      slug: "child-labour-live-qa",
      type: "live-qa",
      status: "published",
      title: "Live Q&A: child labour in the Asia-Pacific response",
      summary:
        "Bring your questions on identifying and responding to the worst forms of child labour, from fishing boats to informal markets.",
      description: md`
        An open hour with **Priya Raman**, who manages child labour programmes in the Mekong region. Send
        your questions in advance when you register, or ask them live.

        ## Questions we expect

        - How do we assess whether work is hazardous for a particular child?
        - Can cash transfers reduce child labour without creating new risks?
        - How do we work with employers and labour inspectors?

        The session follows **Standard 12** of the CPMS.
      `,
      primaryLanguageCode: "en",
      timeZone: "Asia/Bangkok",
      seriesSlug: "regional-qa",
      capacity: 150,
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/child-labour-qa-3307",
      topicSlugs: [S(12), S(22)],
      speakers: [
        { slug: "priya-raman", role: "speaker" },
        { slug: "amara-okafor", role: "moderator" },
      ],
      sessions: [{ startsAt: at(-14, "15:00", "Asia/Bangkok"), minutes: 60 }],
      recording: {
        transcriptBaseName: "child-labour-live-qa",
        title: "Live Q&A: child labour in the Asia-Pacific response",
        languageCode: "en",
        transcriptLanguages: ["en"],
      },
    },
    {
      slug: "child-protection-monitoring-workshop",
      type: "workshop",
      status: "published",
      title: "Workshop: designing a child protection monitoring system",
      summary:
        "A hands-on workshop on choosing indicators, sources and safe data flows for child protection monitoring.",
      description: md`
        Participants worked in small groups on a fictional displacement scenario to design a monitoring
        system that meets **Standard 6** without putting children or communities at risk.

        ## Agenda

        1. What to monitor, and what not to collect
        2. Sources: key informants, service data, community feedback
        3. Analysis and reporting to the coordination group
        4. Data protection and information-sharing protocols

        Links to the standards are on the [Alliance website](${CPMS_HANDBOOK}).
      `,
      primaryLanguageCode: "en",
      timeZone: "Europe/Zurich",
      capacity: 40,
      joinUrl: "https://meet.example.org/j/cp-monitoring-6620",
      topicSlugs: [S(6), S(5)],
      speakers: [{ slug: "lena-fischer", role: "speaker" }],
      sessions: [{ startsAt: at(-90, "09:00", "Europe/Zurich"), minutes: 120 }],
    },
    {
      slug: "ochrona-dzieci-uchodzczych",
      type: "webinar",
      status: "published",
      title: "Ochrona dzieci uchodźczych w Polsce: standardy w praktyce",
      summary:
        "Jak stosować standardy dotyczące dzieci bez opieki i opieki zastępczej we współpracy z samorządami i szkołami.",
      description: md`
        Od 2022 roku polskie gminy, szkoły i rodziny zastępcze przyjęły dziesiątki tysięcy dzieci z Ukrainy.
        Podczas webinaru omawiamy, jak **standard 13** i **standard 19** pomagają w codziennej pracy.

        ## Tematy

        - Identyfikacja i rejestracja dzieci bez opieki
        - Opieka zastępcza: rodziny zastępcze i placówki
        - Współpraca z ukraińskimi opiekunami prawnymi

        Więcej informacji na [stronie Alliance](${CPMS_HANDBOOK}).
      `,
      primaryLanguageCode: "pl",
      supportedLanguages: [{ code: "en", kind: "interpretation" }],
      timeZone: "Europe/Warsaw",
      referenceCities: EUROPE_UKRAINE_CITIES,
      joinUrl: "https://meet.example.org/j/ochrona-dzieci-8841",
      topicSlugs: [S(13), S(19)],
      speakers: [{ slug: "katarzyna-nowak", role: "speaker" }],
      sessions: [{ startsAt: at(-160, "12:00", "Europe/Warsaw"), minutes: 90 }],
      translations: [
        {
          locale: "en",
          title: "Protecting refugee children in Poland: the standards in practice",
          summary:
            "How to apply the standards on unaccompanied children and alternative care together with municipalities and schools.",
          description: md`
            Since 2022, Polish municipalities, schools and foster families have welcomed tens of thousands of
            children from Ukraine. This webinar discusses how **Standard 13** and **Standard 19** help in
            day-to-day work.

            ## Topics

            - Identifying and registering unaccompanied children
            - Alternative care: foster families and residential care
            - Working with Ukrainian legal guardians

            Held in Polish with interpretation into English.
          `,
        },
      ],
    },
    {
      slug: "safe-distributions",
      type: "webinar",
      status: "published",
      title: "Safe distributions: protecting children at food and item distributions",
      summary:
        "Practical steps for distribution teams to keep children safe in queues, crowds and on the journey home.",
      description: md`
        Distributions bring large crowds together and can expose children to crushing, separation,
        exploitation and violence. This webinar takes **Standard 21** from principle to checklist.

        ## You will leave with

        - A site layout checklist for child-safe distribution points
        - Ways to reach child-headed households without exposing them
        - A simple referral card for distribution staff

        See also the [Sphere Handbook](https://spherestandards.org/handbook/).
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "fr", kind: "interpretation" }],
      timeZone: "Africa/Nairobi",
      seriesSlug: "cpms-in-practice",
      joinUrl: "https://meet.example.org/j/safe-distributions-1029",
      topicSlugs: [S(21), S(28), P(4)],
      speakers: [
        { slug: "nasrin-akter", role: "speaker" },
        { slug: "amara-okafor", role: "moderator" },
      ],
      sessions: [{ startsAt: at(-250, "11:00", "Africa/Nairobi"), minutes: 90 }],
      resources: [
        { title: "The Sphere Handbook", url: "https://spherestandards.org/handbook/", kind: "link", languageCode: "en" },
      ],
    },
    {
      slug: "coordination-in-sudden-onset-emergencies",
      type: "webinar",
      status: "published",
      title: "Coordinating the child protection response in the first six weeks",
      summary:
        "Lessons from recent sudden-onset emergencies on setting up coordination, mapping services and avoiding duplication.",
      description: md`
        The first weeks after an earthquake or a sudden displacement decide much of what follows. Speakers
        from coordination teams share what worked, what did not, and how **Standard 1** guided them.

        ## Discussion points

        1. Activating the child protection coordination group
        2. A 4W service map that partners actually update
        3. Joint messages for children and families
        4. Handing over to national authorities

        Read **Standard 1** in the [CPMS handbook](${CPMS_HANDBOOK}).
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "fr", kind: "interpretation" }, { code: "es", kind: "interpretation" }],
      timeZone: "Europe/Zurich",
      seriesSlug: "cpms-in-practice",
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/coordination-6wk-5093",
      topicSlugs: [S(1), P(1)],
      speakers: [
        { slug: "lena-fischer", role: "panellist" },
        { slug: "nasrin-akter", role: "panellist" },
        { slug: "amara-okafor", role: "moderator" },
      ],
      sessions: [{ startsAt: at(-200, "15:00", "Europe/Zurich"), minutes: 90 }],
    },

    // ──────────────────────────── Upcoming events ────────────────────────────
    {
      slug: "alternative-care-in-emergencies",
      type: "webinar",
      status: "published",
      title: "Alternative care in emergencies: family-based first",
      summary:
        "How to arrange safe, family-based care for children who cannot stay with their parents, run twice so that Asia and the Americas can join in working hours.",
      description: md`
        When children lose parental care in an emergency, the pressure to open residential facilities is
        strong. This webinar explores how responses have prioritised **kinship and foster care** in line
        with **Standard 19**, and what support carers need.

        ## Two sessions, same content

        - **Asia-Pacific session**, in the morning in Bangkok
        - **Americas session**, in the morning in New York

        Register for the session that suits you; you can switch later from your confirmation email.

        ## Agenda

        1. Emergency care options and the "necessity and suitability" principles
        2. Assessing and supporting kinship carers
        3. Monitoring placements and planning for reunification

        Held in English with support for French and Spanish speakers. The [CPMS handbook](${CPMS_HANDBOOK})
        has the full standard.
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "fr", kind: "support" }, { code: "es", kind: "support" }],
      timeZone: "Europe/Zurich",
      referenceCities: GLOBAL_CITIES,
      seriesSlug: "cpms-in-practice",
      capacity: 300,
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/alt-care-2417",
      topicSlugs: [S(19), S(16)],
      speakers: [
        { slug: "tomas-alvarez", role: "panellist" },
        { slug: "katarzyna-nowak", role: "panellist" },
        { slug: "amara-okafor", role: "moderator" },
      ],
      sessions: [
        { title: "Asia-Pacific session", startsAt: at(12, "09:00", "Asia/Bangkok"), minutes: 90 },
        { title: "Americas session", startsAt: at(12, "10:00", "America/New_York"), minutes: 90 },
      ],
      translations: [
        {
          locale: "fr",
          title: "La protection de remplacement en situation d'urgence : priorité à la famille",
          summary:
            "Comment organiser une prise en charge familiale sûre pour les enfants qui ne peuvent pas rester avec leurs parents. Deux sessions, pour l'Asie et pour les Amériques.",
          description: md`
            Lorsque des enfants perdent la prise en charge parentale lors d'une crise, la tentation d'ouvrir
            des structures résidentielles est forte. Ce webinaire montre comment privilégier la **prise en
            charge par la famille élargie et l'accueil familial**, conformément au **standard 19**.

            ## Deux sessions, même contenu

            - **Session Asie-Pacifique**, le matin à Bangkok
            - **Session Amériques**, le matin à New York

            Le webinaire se tient en anglais ; les participants francophones et hispanophones sont accompagnés.
          `,
        },
        {
          locale: "es",
          title: "Cuidado alternativo en emergencias: primero la familia",
          summary:
            "Cómo organizar un cuidado seguro y de base familiar para niñas y niños que no pueden quedarse con sus padres. Dos sesiones, para Asia y para las Américas.",
          description: md`
            Cuando niñas y niños pierden el cuidado parental en una emergencia, la presión para abrir centros
            residenciales es fuerte. Este seminario web muestra cómo dar prioridad al **cuidado por familiares
            y al acogimiento familiar**, de acuerdo con la **Norma 19**.

            ## Dos sesiones, el mismo contenido

            - **Sesión Asia-Pacífico**, por la mañana en Bangkok
            - **Sesión Américas**, por la mañana en Nueva York

            El seminario se imparte en inglés, con apoyo para participantes de habla francesa y española.
          `,
        },
      ],
      questions: [
        {
          kind: "single",
          label: "Which best describes your role?",
          options: ["Caseworker or social worker", "Supervisor or manager", "Coordinator", "Government official", "Other"],
          required: true,
        },
        {
          kind: "multiple",
          label: "Which forms of alternative care does your programme use?",
          options: ["Kinship care", "Foster care", "Supervised independent living", "Residential care", "None yet"],
        },
        { kind: "text", label: "What question would you like the panel to answer?" },
      ],
    },
    {
      slug: "justice-for-children",
      type: "webinar",
      status: "published",
      title: "Justice for children in humanitarian settings",
      summary:
        "Children meet police, courts and detention in emergencies too. One session in English and one in Spanish on diversion, child-friendly procedures and alternatives to detention.",
      description: md`
        **Standard 20** asks that children in contact with the law, as victims, witnesses or alleged
        offenders, are treated according to international standards, even when justice systems are
        disrupted.

        ## Topics

        - Diversion and alternatives to detention
        - Child-friendly interviews for victims and witnesses
        - Immigration detention of children: what we can do
        - Working with informal and customary justice mechanisms

        ## Two languages

        The first session is held in English; the second, *Sesión en español*, is held entirely in Spanish
        for colleagues in Latin America.
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "es", kind: "support" }],
      timeZone: "Europe/Zurich",
      referenceCities: ["America/Bogota", "America/Mexico_City", "America/New_York", "Europe/London", "Europe/Zurich"],
      capacity: 250,
      joinUrl: "https://meet.example.org/j/justice-children-6604",
      topicSlugs: [S(20), P(3)],
      speakers: [
        { slug: "lena-fischer", role: "speaker" },
        { slug: "lucia-fernandez", role: "speaker" },
      ],
      sessions: [
        { title: "English session", startsAt: at(20, "14:00", "Europe/Zurich"), minutes: 90, languageCode: "en" },
        { title: "Sesión en español", startsAt: at(21, "10:00", "America/Bogota"), minutes: 90, languageCode: "es" },
      ],
    },
    {
      slug: "community-level-approaches-workshop",
      type: "workshop",
      status: "published",
      title: "Community-level approaches: a three-part workshop",
      summary:
        "Three weekly sessions for practitioners who want to move from community 'participation' to community-led child protection.",
      description: md`
        A small-group workshop over three weeks. Each part builds on the previous one, so please plan to
        attend all three. Places are limited and confirmed by the organisers.

        ## Parts

        1. **Mapping community mechanisms**: who already protects children, formally and informally
        2. **Supporting community-led action**: roles, resources and the risk of doing harm
        3. **Linking with formal services**: referral pathways and accountability

        ## Before you join

        Read **Standard 17** in the [CPMS handbook](${CPMS_HANDBOOK}) and bring one example from your
        own work.
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "fr", kind: "support" }],
      timeZone: "Africa/Nairobi",
      capacity: 35,
      approvalRequired: true,
      joinUrl: "https://meet.example.org/j/community-workshop-9172",
      topicSlugs: [S(17), S(14)],
      speakers: [
        { slug: "samuel-mwangi", role: "speaker" },
        { slug: "marie-claire-diallo", role: "speaker" },
      ],
      sessions: [
        { title: "Part 1: Mapping community mechanisms", startsAt: at(8, "13:00", "Africa/Nairobi"), minutes: 120 },
        { title: "Part 2: Supporting community-led action", startsAt: at(15, "13:00", "Africa/Nairobi"), minutes: 120 },
        { title: "Part 3: Linking with formal services", startsAt: at(22, "13:00", "Africa/Nairobi"), minutes: 120 },
      ],
      questions: [
        { kind: "text", label: "Organisation and country of work", required: true },
        { kind: "yesno", label: "Can you attend all three parts?", required: true },
        {
          kind: "single",
          label: "How many years have you worked with community-based child protection?",
          options: ["Less than 1 year", "1–3 years", "4–10 years", "More than 10 years"],
          required: true,
        },
      ],
    },
    {
      slug: "supportive-supervision-coxs-bazar",
      type: "workshop",
      status: "published",
      title: "Supportive supervision for caseworkers: a clinic for the Cox's Bazar response",
      summary:
        "A practical clinic for case management supervisors on coaching, case review and preventing burnout.",
      description: md`
        Supervisors in the Rohingya refugee response carry large caseloads and lead teams of young
        caseworkers. This clinic, run on a Sunday (a working day in Bangladesh), brings them together to
        practise supervision techniques.

        ## What we will practise

        - Structured case review using the inter-agency forms
        - Coaching conversations and feedback
        - Spotting and responding to secondary stress in the team

        Linked to **Standard 18** (case management) and **Standard 2** (human resources).

        > Colleagues joining from Europe or North America: the clocks change in the United States during this
        > session. The times shown for New York are correct on both sides of the change.
      `,
      primaryLanguageCode: "en",
      timeZone: "Asia/Dhaka",
      referenceCities: SOUTH_ASIA_CITIES,
      capacity: 60,
      joinUrl: "https://meet.example.org/j/supervision-cxb-3391",
      topicSlugs: [S(18), S(2)],
      speakers: [
        { slug: "nasrin-akter", role: "speaker" },
        { slug: "samuel-mwangi", role: "speaker" },
      ],
      sessions: [{ startsAt: schedule.usDstStraddleStart, minutes: 90 }],
    },
    {
      slug: "mhpss-live-qa-arabic",
      type: "live-qa",
      status: "published",
      title: "جلسة أسئلة وأجوبة مباشرة: الدعم النفسي والاجتماعي للأطفال في المنطقة العربية",
      summary:
        "ساعة مفتوحة باللغة العربية للإجابة عن أسئلتكم حول الأنشطة الجماعية والدعم النفسي والاجتماعي للأطفال.",
      description: md`
        تستضيف هذه الجلسة **رانيا حداد**، أخصائية الصحة النفسية والدعم النفسي والاجتماعي، للإجابة عن أسئلة
        العاملين في حماية الطفل في الأردن ولبنان وسوريا والعراق واليمن.

        ## محاور مقترحة

        - تصميم أنشطة جماعية آمنة وشاملة للأطفال (المعيار 15)
        - التعرف على الأطفال الذين يحتاجون إلى دعم متخصص (المعيار 10)
        - دعم مقدمي الرعاية والعاملين الميدانيين

        يمكنكم إرسال أسئلتكم مسبقًا عند التسجيل. للاطلاع على المعايير: [موقع التحالف](${CPMS_HANDBOOK}).
      `,
      primaryLanguageCode: "ar",
      supportedLanguages: [{ code: "en", kind: "support" }],
      timeZone: "Asia/Amman",
      referenceCities: ARAB_STATES_CITIES,
      seriesSlug: "regional-qa",
      capacity: 200,
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/mhpss-qa-ar-4408",
      topicSlugs: [S(10), S(15)],
      speakers: [{ slug: "rania-haddad", role: "speaker" }],
      sessions: [{ startsAt: at(5, "11:00", "Asia/Amman"), minutes: 60 }],
    },
    {
      slug: "children-associated-with-armed-forces",
      type: "webinar",
      status: "published",
      title: "Release and reintegration of children associated with armed forces or armed groups",
      summary:
        "What reintegration looks like for girls and boys in eastern DRC and the Sahel, and how case management, education and livelihoods fit together.",
      description: md`
        Reintegration is a long process that starts well before a child's release and continues for years
        afterwards. Speakers from eastern DRC discuss how **Standard 11** shapes their programmes.

        ## Topics

        1. Negotiating release and interim care
        2. Girls' specific experiences and needs
        3. Community acceptance and preventing re-recruitment
        4. Education and livelihoods as part of reintegration

        Held in English with simultaneous interpretation into French.
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "fr", kind: "interpretation" }],
      timeZone: "Africa/Nairobi",
      referenceCities: ["America/New_York", "Europe/Zurich", "Africa/Kinshasa", "Africa/Lubumbashi", "Africa/Nairobi"],
      seriesSlug: "cpms-in-practice",
      capacity: 400,
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/caafag-7126",
      topicSlugs: [S(11), S(18)],
      speakers: [
        { slug: "jean-baptiste-mukendi", role: "speaker" },
        { slug: "amara-okafor", role: "moderator" },
      ],
      sessions: [{ startsAt: at(9, "14:00", "Africa/Nairobi"), minutes: 90 }],
      translations: [
        {
          locale: "fr",
          title: "Libération et réintégration des enfants associés aux forces armées ou aux groupes armés",
          summary:
            "À quoi ressemble la réintégration pour les filles et les garçons dans l'est de la RDC et au Sahel, et comment articuler gestion de cas, éducation et moyens de subsistance.",
          description: md`
            La réintégration est un processus long, qui commence bien avant la libération de l'enfant et se
            poursuit pendant des années. Des intervenants de l'est de la RDC expliquent comment le
            **standard 11** oriente leurs programmes.

            ## Thèmes

            1. Négocier la libération et organiser la prise en charge transitoire
            2. Les expériences et besoins spécifiques des filles
            3. L'acceptation communautaire et la prévention du re-recrutement
            4. L'éducation et les moyens de subsistance au service de la réintégration

            Webinaire en anglais avec interprétation simultanée en français.
          `,
        },
        {
          locale: "ar",
          title: "إطلاق سراح الأطفال المرتبطين بالقوات المسلحة أو الجماعات المسلحة وإعادة إدماجهم",
          summary:
            "كيف تبدو إعادة الإدماج للفتيات والفتيان في شرق جمهورية الكونغو الديمقراطية ومنطقة الساحل، وكيف تتكامل إدارة الحالات والتعليم وسبل العيش.",
          description: md`
            إعادة الإدماج عملية طويلة تبدأ قبل إطلاق سراح الطفل بوقت طويل وتستمر لسنوات بعده. يناقش متحدثون
            من شرق جمهورية الكونغو الديمقراطية كيف يوجّه **المعيار 11** برامجهم.

            ## المحاور

            1. التفاوض على إطلاق السراح والرعاية المؤقتة
            2. التجارب والاحتياجات الخاصة بالفتيات
            3. قبول المجتمع ومنع إعادة التجنيد
            4. التعليم وسبل العيش كجزء من إعادة الإدماج

            تُعقد الندوة باللغة الإنجليزية مع ترجمة فورية إلى الفرنسية.
          `,
        },
      ],
    },
    {
      slug: "sgbv-child-survivors",
      type: "webinar",
      status: "published",
      title: "Caring for child survivors of sexual violence",
      summary:
        "Child-friendly, survivor-centred care for girls and boys: consent, disclosure, clinical care and case management.",
      description: md`
        Child survivors need services that are adapted to their age, gender and development. This webinar
        brings together child protection and health perspectives on **Standard 9**.

        ## Topics

        - Responding well to a disclosure
        - Informed consent and assent at different ages
        - Clinical management of rape for children, and referral pathways
        - Boys and children with disabilities as survivors

        A short pre-reading list will be sent to registered participants.
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "fr", kind: "interpretation" }, { code: "ar", kind: "interpretation" }],
      timeZone: "Europe/London",
      seriesSlug: "cpms-in-practice",
      capacity: 500,
      isRecorded: false,
      joinUrl: "https://meet.example.org/j/sgbv-survivors-8830",
      topicSlugs: [S(9), S(24)],
      speakers: [
        { slug: "samuel-mwangi", role: "panellist" },
        { slug: "rania-haddad", role: "panellist" },
        { slug: "amara-okafor", role: "moderator" },
      ],
      sessions: [{ startsAt: at(26, "13:00", "Europe/London"), minutes: 90 }],
    },
    {
      slug: "dangers-and-injuries-audio",
      type: "audio",
      status: "published",
      title: "Standards Spotlight: dangers and injuries in displacement sites",
      summary:
        "A short audio episode on the everyday hazards children face in camps, from open fires and water points to traffic and unexploded ordnance.",
      description: md`
        The next **Standards Spotlight** episode premieres with a live listening session and a short
        discussion afterwards.

        ## In this episode

        - Mapping hazards with children
        - Simple fixes: fencing, lighting, safe routes to school
        - Explosive ordnance risk education
        - Working with site management on **Standard 7**

        The recording and transcript will be published here after the premiere.
      `,
      primaryLanguageCode: "en",
      timeZone: "Africa/Nairobi",
      seriesSlug: "standards-spotlight",
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/dangers-injuries-2265",
      topicSlugs: [S(7), S(28)],
      speakers: [
        { slug: "nasrin-akter", role: "speaker" },
        { slug: "amara-okafor", role: "moderator" },
      ],
      sessions: [{ title: "Premiere and discussion", startsAt: at(3, "08:00", "Africa/Nairobi"), minutes: 60 }],
    },
    {
      slug: "wash-and-child-protection",
      type: "video",
      status: "published",
      title: "Safe WASH facilities for every child",
      summary:
        "A short film from three responses on latrines, showers and water points that children can use safely, followed by a discussion with the teams.",
      description: md`
        Poorly lit latrines and distant water points expose children, and girls in particular, to violence.
        This video shows how WASH and child protection teams redesigned facilities together, following
        **Standard 26**.

        ## After the film

        - Questions to the WASH engineers and child protection officers
        - A checklist for joint safety audits
        - Consulting children with disabilities on accessibility

        Held in English with support for French and Spanish speakers.
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "fr", kind: "support" }, { code: "es", kind: "support" }],
      timeZone: "Asia/Bangkok",
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/wash-cp-5540",
      topicSlugs: [S(26), P(4)],
      speakers: [
        { slug: "priya-raman", role: "moderator" },
        { slug: "nasrin-akter", role: "panellist" },
      ],
      sessions: [{ title: "Premiere and discussion", startsAt: at(33, "09:00", "Asia/Bangkok"), minutes: 60 }],
    },
    {
      slug: "nutrition-et-protection-de-l-enfance",
      type: "webinar",
      status: "published",
      title: "Nutrition et protection de l'enfance : travailler ensemble",
      summary:
        "Comment les équipes de nutrition peuvent repérer les risques de protection et orienter les enfants et leurs familles.",
      description: md`
        Les centres de nutrition voient chaque semaine des milliers d'enfants et de personnes qui s'en
        occupent. Ce webinaire, en français, montre comment le **standard 25** s'applique au Sahel.

        ## Au programme

        1. Les signes de négligence et de maltraitance lors du dépistage
        2. Les parcours d'orientation entre nutrition et gestion de cas
        3. Les mères adolescentes et les enfants séparés

        Lire le standard sur le [site de l'Alliance](${CPMS_HANDBOOK}).
      `,
      primaryLanguageCode: "fr",
      supportedLanguages: [{ code: "en", kind: "interpretation" }],
      timeZone: "Africa/Dakar",
      referenceCities: FRANCOPHONE_AFRICA_CITIES,
      capacity: 300,
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/nutrition-protection-1198",
      topicSlugs: [S(25), S(24)],
      speakers: [
        { slug: "marie-claire-diallo", role: "speaker" },
        { slug: "daniel-mensah", role: "panellist" },
      ],
      sessions: [{ startsAt: at(40, "11:00", "Africa/Dakar"), minutes: 90 }],
    },
    {
      slug: "economic-recovery-live-qa",
      type: "live-qa",
      status: "published",
      title: "Live Q&A: cash transfers that protect children",
      summary:
        "An Americas-friendly hour on designing cash and livelihoods programmes that reduce child labour and early marriage.",
      description: md`
        Cash assistance can lower the pressure on families to send children to work or into early marriage,
        but only when it is designed with child protection in mind. Ask **Daniel Mensah** anything about
        **Standard 22**.

        ## Ideas to get you started

        - Targeting households with children at risk
        - Conditional or unconditional?
        - Monitoring child protection outcomes of cash programmes

        Held in English with support for Spanish speakers.
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "es", kind: "support" }],
      timeZone: "America/New_York",
      referenceCities: ["America/Los_Angeles", "America/Mexico_City", "America/Bogota", "America/New_York", "Europe/London"],
      seriesSlug: "regional-qa",
      capacity: 150,
      joinUrl: "https://meet.example.org/j/cash-qa-6684",
      topicSlugs: [S(22), S(12)],
      speakers: [
        { slug: "daniel-mensah", role: "speaker" },
        { slug: "amara-okafor", role: "moderator" },
      ],
      sessions: [{ startsAt: at(18, "08:00", "America/New_York"), minutes: 60 }],
    },
    {
      slug: "camp-management-and-shelter",
      type: "webinar",
      status: "published",
      title: "Child-safe camps and shelters: planning with children",
      summary:
        "How site planners, shelter teams and child protection staff can design settlements that are safer for children.",
      description: md`
        Site layout, shelter allocation and camp governance all affect children's safety. This webinar covers
        **Standards 26 and 27** with examples from Cox's Bazar.

        ## Topics

        - Safety audits and child-led site walks
        - Privacy and lockable shelters for child-headed households
        - Children's committees in camp governance

        Read the standards in the [CPMS handbook](${CPMS_HANDBOOK}).
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "ar", kind: "support" }],
      timeZone: "Europe/Zurich",
      seriesSlug: "cpms-in-practice",
      capacity: 300,
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/camps-shelter-4471",
      topicSlugs: [S(27), S(28)],
      speakers: [
        { slug: "nasrin-akter", role: "speaker" },
        { slug: "lena-fischer", role: "moderator" },
      ],
      sessions: [{ startsAt: at(47, "14:00", "Europe/Zurich"), minutes: 90 }],
    },
    {
      slug: "staff-care-and-safe-recruitment",
      type: "workshop",
      status: "published",
      title: "Workshop: safe recruitment and staff care for child protection teams",
      summary:
        "A practical workshop for managers on safeguarding in recruitment, induction, supervision and staff well-being.",
      description: md`
        **Standard 2** expects child protection actors to recruit safely and to look after the people who
        do this demanding work. This workshop turns both into practice.

        ## Sessions within the workshop

        1. Safer recruitment: references, interviews and codes of conduct
        2. Induction and the first ninety days
        3. Supervision, peer support and staff care plans

        Places are limited to thirty participants so that everyone can take part in the exercises.
      `,
      primaryLanguageCode: "en",
      timeZone: "Europe/Zurich",
      capacity: 30,
      joinUrl: "https://meet.example.org/j/staff-care-3358",
      topicSlugs: [S(2), P(1)],
      speakers: [
        { slug: "lena-fischer", role: "speaker" },
        { slug: "samuel-mwangi", role: "speaker" },
      ],
      sessions: [{ startsAt: at(55, "09:30", "Europe/Zurich"), minutes: 120 }],
      questions: [
        { kind: "yesno", label: "Do you manage or supervise staff or volunteers?", required: true },
        {
          kind: "multiple",
          label: "Which topics matter most to you?",
          options: ["Safer recruitment", "Induction", "Supervision", "Staff well-being"],
        },
      ],
    },
    {
      slug: "zarzadzanie-informacja",
      type: "webinar",
      status: "published",
      title: "Bezpieczne zarządzanie informacją w ochronie dzieci",
      summary:
        "Jak zbierać, przechowywać i udostępniać dane o dzieciach zgodnie ze standardem 5 i przepisami o ochronie danych.",
      description: md`
        Informacje o dzieciach są niezbędne do udzielania pomocy, ale ich niewłaściwe użycie może narazić
        dzieci na niebezpieczeństwo. Podczas webinaru omawiamy **standard 5** w kontekście RODO.

        ## Program

        1. Zasada minimalizacji danych
        2. Zgoda i informowanie dzieci oraz opiekunów
        3. Protokoły udostępniania informacji między organizacjami

        Więcej na [stronie Alliance](${CPMS_HANDBOOK}).
      `,
      primaryLanguageCode: "pl",
      timeZone: "Europe/Warsaw",
      referenceCities: EUROPE_UKRAINE_CITIES,
      capacity: 120,
      joinUrl: "https://meet.example.org/j/zarzadzanie-informacja-7302",
      topicSlugs: [S(5), P(1)],
      speakers: [{ slug: "katarzyna-nowak", role: "speaker" }],
      sessions: [{ startsAt: at(29, "11:00", "Europe/Warsaw"), minutes: 75 }],
    },
    {
      slug: "safe-storytelling-media",
      type: "webinar",
      status: "published",
      title: "Telling children's stories safely: communication and media",
      summary:
        "Consent, anonymity and dignity when communication teams publish children's stories, photos and videos online.",
      description: md`
        Stories move donors and decision-makers, but a single photo with a location tag can expose a child.
        This webinar puts **Standard 3** into the hands of communication and programme staff.

        ## Checklist we will build together

        - Informed consent and assent, and when to say no
        - Removing identifying details from images and metadata
        - Safe handling of user-generated content

        ## A note for web editors

        Our website never runs code that is pasted into an event description. Text such as
        \`<script>alert("hello")</script>\` or \`<img src="x" onerror="alert(1)">\` is shown exactly as
        typed, and so is this raw attempt, which must not run: <img src="x" onerror="alert('xss')">

        Read **Standard 3** in the [CPMS handbook](${CPMS_HANDBOOK}).
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "fr", kind: "support" }, { code: "es", kind: "support" }],
      timeZone: "Europe/London",
      capacity: 200,
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/safe-storytelling-0915",
      topicSlugs: [S(3), P(1)],
      speakers: [
        { slug: "lena-fischer", role: "speaker" },
        { slug: "amara-okafor", role: "moderator" },
      ],
      sessions: [{ startsAt: at(24, "15:00", "Europe/London"), minutes: 60 }],
    },

    // ──────────────────────── Cancelled and draft events ────────────────────────
    {
      slug: "health-and-child-protection",
      type: "webinar",
      status: "cancelled",
      title: "Health and child protection: joint referral pathways",
      summary:
        "How health workers and child protection teams can build referral pathways that work in both directions.",
      description: md`
        Health facilities are often the first place where abuse or neglect becomes visible. This webinar was
        to look at **Standard 24** with colleagues from health clusters.

        ## Planned topics

        - Identifying child protection concerns in routine consultations
        - Mandatory reporting and the child's best interests
        - Joint training for health and child protection staff
      `,
      primaryLanguageCode: "en",
      supportedLanguages: [{ code: "fr", kind: "interpretation" }],
      timeZone: "Africa/Nairobi",
      seriesSlug: "cpms-in-practice",
      capacity: 300,
      joinUrl: "https://meet.example.org/j/health-cp-2047",
      cancellationNote:
        "This webinar is cancelled because two panellists were redeployed to an emergency response. We plan to hold it later in the year and will write to everyone who registered.",
      topicSlugs: [S(24)],
      speakers: [
        { slug: "samuel-mwangi", role: "speaker" },
        { slug: "amara-okafor", role: "moderator" },
      ],
      sessions: [{ startsAt: at(16, "13:00", "Africa/Nairobi"), minutes: 90 }],
    },
    {
      slug: "socio-ecological-approach-introduction",
      type: "webinar",
      status: "draft",
      title: "The socio-ecological approach, step by step",
      summary:
        "An introduction to Standard 14 for programme designers: working at the level of the child, family, community and society.",
      description: md`
        *Draft: speakers and agenda to be confirmed.*

        ## Working outline

        1. What the socio-ecological model adds to child protection programming
        2. Analysing risks and protective factors at each level
        3. Designing interventions that reinforce each other
      `,
      primaryLanguageCode: "en",
      timeZone: "Europe/Zurich",
      topicSlugs: [S(14), P(3)],
      speakers: [{ slug: "lena-fischer", role: "speaker" }],
      sessions: [{ startsAt: at(58, "14:00", "Europe/Zurich"), minutes: 90 }],
    },
  ];
}
