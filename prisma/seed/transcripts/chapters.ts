// Chapter marks for the demo recordings, keyed by the transcript's base name (the file name
// without ".<language>.vtt"). Every language of a recording shares the same timings, so one list
// serves them all. Each start is the whole second at or just before the first cue of the chapter:
// seeking there never skips the chapter's opening words. Titles are in the recording's language.

import type { Chapter } from "../../../app/recordings/chapters.ts";

export const TRANSCRIPT_CHAPTERS: Record<string, Chapter[]> = {
  "cpms-2019-edition-introduction": [
    { title: "Welcome and why a second edition", startSeconds: 0 },
    { title: "The four pillars", startSeconds: 54 },
    { title: "Principles and the shift to prevention", startSeconds: 138 },
    { title: "A question from Cox's Bazar", startSeconds: 208 },
    { title: "Closing message", startSeconds: 268 },
  ],
  "mhpss-distress-in-children": [
    { title: "Welcome", startSeconds: 0 },
    { title: "Distress and the layered pyramid", startSeconds: 31 },
    { title: "Psychological first aid", startSeconds: 129 },
    { title: "Referral and a question from Goma", startSeconds: 184 },
    { title: "Closing", startSeconds: 268 },
  ],
  "unaccompanied-separated-children": [
    { title: "Introduction and definitions", startSeconds: 0 },
    { title: "Preventing separation", startSeconds: 42 },
    { title: "Interim care and best interests", startSeconds: 95 },
    { title: "Family tracing and reunification", startSeconds: 144 },
    { title: "Questions from listeners", startSeconds: 201 },
  ],
  "gestion-de-cas": [
    { title: "Introduction", startSeconds: 0 },
    { title: "Les étapes de la gestion de cas", startSeconds: 57 },
    { title: "Consentement, confidentialité et niveaux de risque", startSeconds: 116 },
    { title: "Un exemple de Goma", startSeconds: 173 },
    { title: "Conclusion", startSeconds: 234 },
  ],
  "educacion-y-proteccion": [
    { title: "Bienvenida", startSeconds: 0 },
    { title: "Qué pide la norma", startSeconds: 50 },
    { title: "La frontera entre Colombia y Venezuela", startSeconds: 111 },
    { title: "Una pregunta desde Arauca", startSeconds: 183 },
    { title: "Cierre", startSeconds: 220 },
  ],
  "child-labour-live-qa": [
    { title: "Welcome and what the standard covers", startSeconds: 0 },
    { title: "Question from Dhaka: removing children from work", startSeconds: 83 },
    { title: "Question from Beirut: working with employers", startSeconds: 139 },
    { title: "Question from Kampala: cash assistance", startSeconds: 178 },
    { title: "Closing", startSeconds: 223 },
  ],
};
