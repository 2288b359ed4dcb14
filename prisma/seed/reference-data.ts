// Reference data of the demo catalogue: languages, the CPMS 2019 topic tree,
// series, speakers and site settings. Pure data, no database access.
import { slugify } from "../../app/utils/slug.ts";

export interface LanguageSeed {
  code: string;
  name: string;
  nativeName: string;
  dir: "ltr" | "rtl";
}

export const LANGUAGES: LanguageSeed[] = [
  { code: "en", name: "English", nativeName: "English", dir: "ltr" },
  { code: "fr", name: "French", nativeName: "Français", dir: "ltr" },
  { code: "es", name: "Spanish", nativeName: "Español", dir: "ltr" },
  { code: "ar", name: "Arabic", nativeName: "العربية", dir: "rtl" },
  { code: "pl", name: "Polish", nativeName: "Polski", dir: "ltr" },
];

export interface PillarSeed {
  number: number;
  title: string;
  description: string;
  standards: { number: number; title: string; description: string }[];
}

// Titles exactly as in the Child Protection Minimum Standards, 2019 edition.
export const PILLARS: PillarSeed[] = [
  {
    number: 1,
    title: "Standards to ensure a quality child protection response",
    description:
      "The cross-cutting foundations of any response: coordination, people, communication, programme management, information and monitoring.",
    standards: [
      {
        number: 1,
        title: "Coordination",
        description:
          "Relevant authorities and humanitarian actors coordinate so that child protection needs are met efficiently, without gaps or duplication.",
      },
      {
        number: 2,
        title: "Human resources",
        description:
          "Child protection staff and volunteers are recruited safely, trained, supervised and supported to deliver a quality response.",
      },
      {
        number: 3,
        title: "Communication, advocacy and media",
        description:
          "Communication and advocacy on child protection concerns respect children's dignity, safety and best interests.",
      },
      {
        number: 4,
        title: "Programme cycle management",
        description:
          "Child protection programmes are assessed, designed, implemented, monitored and evaluated with children and communities.",
      },
      {
        number: 5,
        title: "Information management",
        description:
          "Child protection information is collected, stored, analysed and shared safely, ethically and only when necessary.",
      },
      {
        number: 6,
        title: "Child protection monitoring",
        description:
          "Objective and timely monitoring of child protection risks informs prevention and response across the humanitarian system.",
      },
    ],
  },
  {
    number: 2,
    title: "Standards on child protection risks",
    description:
      "The main risks that girls and boys face in humanitarian settings, and how to prevent and respond to them.",
    standards: [
      {
        number: 7,
        title: "Dangers and injuries",
        description:
          "Girls and boys are protected from injuries, disabilities and deaths caused by physical dangers in their environment.",
      },
      {
        number: 8,
        title: "Physical and emotional maltreatment",
        description:
          "Children are safe from physical and emotional maltreatment at home, at school, in the community and in institutions.",
      },
      {
        number: 9,
        title: "Sexual and gender-based violence",
        description:
          "Girls and boys are protected from sexual and gender-based violence, and survivors receive safe, child-friendly care.",
      },
      {
        number: 10,
        title: "Mental health and psychosocial distress",
        description:
          "Children's mental health and psychosocial well-being are supported through layered, culturally appropriate services.",
      },
      {
        number: 11,
        title: "Children associated with armed forces or armed groups",
        description:
          "Children are prevented from recruitment and use, released, and supported to reintegrate into family and community life.",
      },
      {
        number: 12,
        title: "Child labour",
        description:
          "Girls and boys are protected from the worst forms of child labour and from work that harms their health or education.",
      },
      {
        number: 13,
        title: "Unaccompanied and separated children",
        description:
          "Family separation is prevented, and unaccompanied and separated children receive care, tracing and reunification.",
      },
    ],
  },
  {
    number: 3,
    title: "Standards to develop adequate strategies",
    description:
      "Strategies that work with the child, the family, the community and society to prevent harm and respond to it.",
    standards: [
      {
        number: 14,
        title: "Applying a socio-ecological approach to child protection programming",
        description:
          "Programmes act at the levels of the child, family, community and society, building on the strengths already there.",
      },
      {
        number: 15,
        title: "Group activities for child well-being",
        description:
          "Structured group activities strengthen children's well-being, learning and resilience in safe and inclusive spaces.",
      },
      {
        number: 16,
        title: "Strengthening family and caregiving environments",
        description:
          "Caregivers are supported to provide nurturing, protective care, including through parenting programmes and economic help.",
      },
      {
        number: 17,
        title: "Community-level approaches",
        description:
          "Communities lead or are closely involved in preventing and responding to child protection risks.",
      },
      {
        number: 18,
        title: "Case management",
        description:
          "Children at risk receive individual, coordinated support through a structured case management process.",
      },
      {
        number: 19,
        title: "Alternative care",
        description:
          "Children without suitable family care receive safe, appropriate alternative care that respects their best interests.",
      },
      {
        number: 20,
        title: "Justice for children",
        description:
          "Children in contact with justice systems as victims, witnesses or alleged offenders are treated in line with international standards.",
      },
    ],
  },
  {
    number: 4,
    title: "Standards to work across sectors",
    description:
      "How child protection works with, and within, every other humanitarian sector.",
    standards: [
      {
        number: 21,
        title: "Food security and child protection",
        description:
          "Food security programmes, distributions included, are designed so that children are safe and households with children are reached.",
      },
      {
        number: 22,
        title: "Livelihoods and child protection",
        description:
          "Cash and livelihoods interventions reduce child protection risks, such as child labour, and never create new ones.",
      },
      {
        number: 23,
        title: "Education and child protection",
        description:
          "Learning environments are safe and protective, and education and child protection actors plan together.",
      },
      {
        number: 24,
        title: "Health and child protection",
        description:
          "Health services identify, treat and refer children at risk, and health staff know child-safe practice.",
      },
      {
        number: 25,
        title: "Nutrition and child protection",
        description:
          "Nutrition programmes detect and refer child protection concerns and protect children's access to food.",
      },
      {
        number: 26,
        title: "WASH and child protection",
        description:
          "Water, sanitation and hygiene facilities and programmes are designed to be safe and accessible for every child.",
      },
      {
        number: 27,
        title: "Shelter and settlement and child protection",
        description:
          "Shelter and settlement responses reduce risks to children through safe design, allocation and tenure.",
      },
      {
        number: 28,
        title: "Camp management and child protection",
        description:
          "Camp and site management keeps children safe through layout, governance and participation.",
      },
    ],
  },
];


export function pillarSlug(number: number): string {
  return `pillar-${number}`;
}

const standardTitles = new Map(PILLARS.flatMap((p) => p.standards.map((s) => [s.number, s.title])));

export function standardSlug(number: number): string {
  const title = standardTitles.get(number);
  if (!title) throw new Error(`No CPMS standard numbered ${number}`);
  return `standard-${number}-${slugify(title)}`;
}

export interface SeriesSeed {
  slug: string;
  title: string;
  description: string;
}

export const SERIES: SeriesSeed[] = [
  {
    slug: "cpms-in-practice",
    title: "CPMS in Practice",
    description:
      "Monthly webinars in which practitioners show how one standard is applied in a real response, with time for questions.",
  },
  {
    slug: "standards-spotlight",
    title: "Standards Spotlight",
    description:
      "Short pre-recorded audio conversations on one standard at a time, for listening on the move and on slow connections.",
  },
  {
    slug: "regional-qa",
    title: "Regional Q&A",
    description:
      "Live question-and-answer sessions timed for one region at a time, with colleagues who work there.",
  },
];

export interface SpeakerSeed {
  slug: string;
  name: string;
  affiliation: string;
  jobTitle: string;
  bio: string;
}

// Every organisation below is fictional; roles are generic descriptions.
export const SPEAKERS: SpeakerSeed[] = [
  {
    slug: "amara-okafor",
    name: "Amara Okafor",
    affiliation: "CPMS Working Group learning team",
    jobTitle: "Learning and capacity-building lead",
    bio: "Amara has moderated the CPMS learning programme since 2020. She began her career as a caseworker in north-east Nigeria and later coordinated child protection training for West and Central Africa.",
  },
  {
    slug: "lena-fischer",
    name: "Dr. Lena Fischer",
    affiliation: "Geneva Institute for Humanitarian Learning",
    jobTitle: "Senior child protection adviser",
    bio: "Lena contributed to the consultation on the 2019 edition of the standards. She teaches programme quality and accountability and has supported responses in South Sudan, Iraq and Ukraine.",
  },
  {
    slug: "rania-haddad",
    name: "Rania Haddad",
    affiliation: "Levant Child Well-being Initiative, Amman",
    jobTitle: "Mental health and psychosocial support specialist",
    bio: "Rania is a psychologist who designs community-based MHPSS programmes for refugee and host-community children in Jordan and Lebanon, and trains facilitators in Arabic and English.",
  },
  {
    slug: "samuel-mwangi",
    name: "Dr. Samuel Mwangi",
    affiliation: "East Africa Child Mental Health Collaborative, Nairobi",
    jobTitle: "Clinical psychologist",
    bio: "Samuel leads clinical supervision for specialised child mental health services in Kenya, Somalia and Ethiopia and researches low-intensity psychological interventions for adolescents.",
  },
  {
    slug: "tomas-alvarez",
    name: "Tomás Álvarez",
    affiliation: "Frontera Child Protection Network",
    jobTitle: "Family tracing and reunification coordinator",
    bio: "Tomás coordinates family tracing along migration routes in Central America and Mexico, working with child protection authorities on both sides of several borders.",
  },
  {
    slug: "marie-claire-diallo",
    name: "Marie-Claire Diallo",
    affiliation: "Réseau Sahel pour la protection de l'enfance, Dakar",
    jobTitle: "Spécialiste en gestion de cas",
    bio: "Marie-Claire accompagne les équipes de gestion de cas au Mali, au Niger et au Burkina Faso. Elle a conçu des formations en français sur la supervision et les procédures opérationnelles standard.",
  },
  {
    slug: "jean-baptiste-mukendi",
    name: "Jean-Baptiste Mukendi",
    affiliation: "Child protection sub-cluster, North Kivu",
    jobTitle: "Superviseur de gestion de cas",
    bio: "Jean-Baptiste supervise des travailleurs sociaux à Goma depuis dix ans. Il s'intéresse particulièrement à la prise en charge des enfants sortis des forces et groupes armés.",
  },
  {
    slug: "lucia-fernandez",
    name: "Lucía Fernández",
    affiliation: "Red Andina de Educación en Emergencias, Bogotá",
    jobTitle: "Especialista en educación en emergencias",
    bio: "Lucía trabaja en la coordinación entre educación y protección de la infancia para niñas y niños migrantes en Colombia, Ecuador y Perú.",
  },
  {
    slug: "diego-ramirez",
    name: "Diego Ramírez",
    affiliation: "Temporary learning spaces programme, Cúcuta",
    jobTitle: "Docente y coordinador de espacios de aprendizaje",
    bio: "Diego es maestro y coordina espacios temporales de aprendizaje en la frontera colombo-venezolana, donde forma a docentes en primeros auxilios psicológicos y rutas de derivación.",
  },
  {
    slug: "priya-raman",
    name: "Priya Raman",
    affiliation: "Mekong Child Rights Forum, Bangkok",
    jobTitle: "Child labour programme manager",
    bio: "Priya manages programmes on the worst forms of child labour in fishing and agriculture in the Mekong region and advises on child-safe cash transfers.",
  },
  {
    slug: "nasrin-akter",
    name: "Nasrin Akter",
    affiliation: "Child Protection Area of Responsibility coordinator, Cox's Bazar",
    jobTitle: "Child protection coordinator",
    bio: "Nasrin coordinates more than forty child protection partners in the Rohingya refugee response and leads the inter-agency case management task force.",
  },
  {
    slug: "katarzyna-nowak",
    name: "Katarzyna Nowak",
    affiliation: "Warsaw Centre for Children on the Move",
    jobTitle: "Koordynatorka ochrony dzieci",
    bio: "Katarzyna coordinates support for refugee children from Ukraine in Poland, working with municipal social services, schools and foster families.",
  },
  {
    slug: "daniel-mensah",
    name: "Daniel Mensah",
    affiliation: "Cash and child protection task team",
    jobTitle: "Economic recovery and child protection adviser",
    bio: "Daniel advises cash and livelihoods teams in West Africa and the Sahel on designing transfers that reduce child labour and early marriage.",
  },
];

export const DEFAULT_REFERENCE_CITIES = [
  "America/New_York",
  "Europe/London",
  "Europe/Zurich",
  "Africa/Nairobi",
  "Asia/Bangkok",
];

// SiteSetting values are JSON.
export const SITE_SETTINGS: { key: string; value: unknown }[] = [
  { key: "siteName", value: "CPMS Learning Events" },
  { key: "referenceCities", value: DEFAULT_REFERENCE_CITIES },
  { key: "defaultLocale", value: "en" },
];
