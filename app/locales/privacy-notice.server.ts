import type { Locale } from "~/i18n.ts";

/**
 * The privacy notice shown at /privacy until the organisers write their own in
 * /admin/settings/privacy. Markdown; {{siteName}} is filled in. Kept out of the locale files the
 * browser downloads: it is only rendered on the server, and is longer than all other strings of a
 * page together.
 */
export const DEFAULT_PRIVACY_NOTICES: Record<Locale, string> = {
  en: `## What we collect
When you register for a session we keep your name, email address, organisation and country if you give them, your time zone and language, your answers to the event's questions, any accessibility needs you tell us about, and the date you agreed to this notice. If you join or replay a recording, we note that you attended or how far you watched.

## Why
To run the event: to confirm your place, send you the calendar invitation, reminders and any change, share the recording, and count attendance so the organisers can improve their sessions and report on them. We do not sell your details or use them for advertising.

## Who sees them
Only the organisers of the event you registered for and the site's administrators. Emails are sent through our mail provider. If a session is recorded, people who watch the recording may see and hear what you share in it.

## How long we keep them
The organisers keep your registration for as long as they need it to run and report on the event, and no longer than two years after it. You can ask for it to be deleted sooner at any time.

## Cancelling, seeing or deleting your details
Every email we send you has a personal link to manage your registration, where you can cancel it. To see what we hold about you, correct it or have it deleted, reply to any of our emails or contact the organisers of {{siteName}}.`,
  fr: `## Ce que nous recueillons
Lorsque vous vous inscrivez à une session, nous conservons votre nom, votre adresse électronique, votre organisation et votre pays si vous les indiquez, votre fuseau horaire et votre langue, vos réponses aux questions de l’événement, les besoins d’accessibilité que vous nous signalez et la date à laquelle vous avez accepté cette politique. Si vous participez à une session ou regardez un enregistrement, nous notons votre présence ou votre progression.

## Pourquoi
Pour organiser l’événement\u00a0: confirmer votre place, vous envoyer l’invitation de calendrier, les rappels et tout changement, partager l’enregistrement et compter la participation afin que l’équipe d’organisation puisse améliorer ses sessions et en rendre compte. Nous ne vendons pas vos données et ne les utilisons pas à des fins publicitaires.

## Qui les voit
Seuls l’équipe d’organisation de l’événement auquel vous êtes inscrit·e et les administrateurs du site. Les courriels passent par notre prestataire de messagerie. Si une session est enregistrée, les personnes qui regardent l’enregistrement peuvent voir et entendre ce que vous y partagez.

## Combien de temps nous les gardons
L’équipe d’organisation conserve votre inscription le temps nécessaire pour organiser l’événement et en rendre compte, et au plus deux ans après celui-ci. Vous pouvez demander à tout moment qu’elle soit supprimée plus tôt.

## Annuler, consulter ou supprimer vos données
Chaque courriel que nous vous envoyons contient un lien personnel pour gérer votre inscription et l’annuler. Pour savoir ce que nous détenons sur vous, le corriger ou le faire supprimer, répondez à l’un de nos courriels ou contactez l’équipe d’organisation de {{siteName}}.`,
  es: `## Qué datos recogemos
Cuando se inscribe en una sesión guardamos su nombre, su correo electrónico, su organización y su país si los indica, su zona horaria y su idioma, sus respuestas a las preguntas del evento, las necesidades de accesibilidad que nos comunique y la fecha en que aceptó este aviso. Si asiste a una sesión o ve una grabación, anotamos su asistencia o hasta dónde la vio.

## Para qué
Para organizar el evento: confirmar su plaza, enviarle la invitación de calendario, los recordatorios y cualquier cambio, compartir la grabación y contar la asistencia para que el equipo organizador pueda mejorar sus sesiones e informar sobre ellas. No vendemos sus datos ni los usamos con fines publicitarios.

## Quién los ve
Solo el equipo organizador del evento en el que se inscribió y quienes administran el sitio. Los correos se envían a través de nuestro proveedor de correo. Si una sesión se graba, quienes vean la grabación podrán ver y oír lo que usted comparta en ella.

## Cuánto tiempo los conservamos
El equipo organizador conserva su inscripción el tiempo necesario para organizar el evento e informar sobre él, y como máximo dos años después. Puede pedir en cualquier momento que se elimine antes.

## Cancelar, consultar o eliminar sus datos
Cada correo que le enviamos incluye un enlace personal para gestionar su inscripción, donde puede cancelarla. Para saber qué datos tenemos sobre usted, corregirlos o pedir que se eliminen, responda a cualquiera de nuestros correos o contacte con el equipo organizador de {{siteName}}.`,
  ar: `## البيانات التي نجمعها
عند تسجيلك في جلسة نحتفظ باسمك وعنوان بريدك الإلكتروني، وبمنظمتك وبلدك إن ذكرتهما، وبمنطقتك الزمنية ولغتك، وبإجاباتك عن أسئلة الفعالية، وبأي احتياجات تتعلق بإمكانية الوصول تخبرنا بها، وبتاريخ موافقتك على هذا الإشعار. وإذا حضرت جلسة أو شاهدت تسجيلًا، نسجّل حضورك أو المدى الذي بلغته في المشاهدة.

## لماذا
لتنظيم الفعالية: لتأكيد مقعدك، وإرسال دعوة التقويم والتذكيرات وأي تغيير، ومشاركة التسجيل، وإحصاء الحضور ليتمكن المنظِّمون من تحسين جلساتهم وإعداد التقارير عنها. لا نبيع بياناتك ولا نستخدمها لأغراض إعلانية.

## من يطّلع عليها
المنظِّمون للفعالية التي سجّلت فيها ومديرو الموقع فقط. تُرسَل الرسائل عبر مزوّد خدمة البريد لدينا. وإذا سُجّلت الجلسة، فقد يرى من يشاهد التسجيل ويسمع ما تشاركه فيها.

## مدة الاحتفاظ بها
يحتفظ المنظِّمون بتسجيلك طوال المدة التي يحتاجون إليها لتنظيم الفعالية وإعداد التقارير عنها، وبحدّ أقصى سنتين بعدها. ويمكنك أن تطلب حذفه قبل ذلك في أي وقت.

## إلغاء تسجيلك أو الاطلاع على بياناتك أو حذفها
تتضمن كل رسالة نرسلها إليك رابطًا شخصيًا لإدارة تسجيلك، ويمكنك إلغاؤه من خلاله. للاطلاع على ما نحتفظ به عنك أو تصحيحه أو طلب حذفه، ردّ على أي رسالة من رسائلنا أو تواصل مع منظِّمي {{siteName}}.`,
  pl: `## Jakie dane zbieramy
Gdy rejestrujesz się na sesję, przechowujemy Twoje imię i nazwisko, adres e-mail, organizację i kraj (jeśli je podasz), strefę czasową i język, odpowiedzi na pytania wydarzenia, zgłoszone potrzeby w zakresie dostępności oraz datę akceptacji tej informacji. Jeśli weźmiesz udział w sesji lub obejrzysz nagranie, odnotowujemy Twoją obecność lub to, jak daleko je obejrzałeś/obejrzałaś.

## W jakim celu
Aby przeprowadzić wydarzenie: potwierdzić Twoje miejsce, wysłać zaproszenie do kalendarza, przypomnienia i informacje o zmianach, udostępnić nagranie oraz policzyć obecność, by organizatorzy mogli ulepszać sesje i składać z nich sprawozdania. Nie sprzedajemy Twoich danych ani nie używamy ich do reklamy.

## Kto ma do nich dostęp
Tylko organizatorzy wydarzenia, na które się zapisałeś/zapisałaś, oraz administratorzy serwisu. Wiadomości e-mail wysyłamy przez naszego dostawcę poczty. Jeśli sesja jest nagrywana, osoby oglądające nagranie mogą zobaczyć i usłyszeć to, czym się w niej dzielisz.

## Jak długo je przechowujemy
Organizatorzy przechowują Twoją rejestrację tak długo, jak jest to potrzebne do przeprowadzenia wydarzenia i sprawozdania z niego, nie dłużej niż dwa lata po nim. W każdej chwili możesz poprosić o wcześniejsze usunięcie.

## Anulowanie, wgląd i usunięcie danych
Każda wiadomość od nas zawiera osobisty link do zarządzania rejestracją, gdzie możesz ją anulować. Aby dowiedzieć się, jakie dane o Tobie przechowujemy, poprawić je lub poprosić o ich usunięcie, odpowiedz na dowolną naszą wiadomość lub skontaktuj się z organizatorami serwisu {{siteName}}.`,
};
