import { describe, expect, it } from "vitest";
import { diffFormValues } from "./form-diff.ts";

describe("diffFormValues", () => {
  const before = {
    title: "Case management",
    description: "Long text\nwith two lines",
    waitlistEnabled: true,
    capacity: "",
    topics: ["b", "a"],
    support: { fr: "interpretation", es: "" },
    questions: [{ id: "q1", label: "Organisation", required: true }],
    joinUrl: "https://meet.example.org/secret",
  };

  it("finds nothing when only the order of a checkbox group differs", () => {
    expect(diffFormValues(before, { ...before, topics: ["a", "b"] })).toEqual([]);
  });

  it("treats empty, missing and null values alike", () => {
    expect(diffFormValues({ ...before, capacity: null, summary: "" }, { ...before, capacity: undefined })).toEqual([]);
  });

  it("names each changed field as the form names it, with short values old → new", () => {
    const after = {
      ...before,
      waitlistEnabled: false,
      capacity: 40,
      support: { fr: "interpretation", es: "captions" },
      questions: [{ id: "q1", label: "Organisation", required: false }],
    };
    expect(diffFormValues(before, after)).toEqual([
      { field: "waitlistEnabled", from: true, to: false },
      { field: "capacity", from: null, to: 40 },
      { field: "support.es", from: null, to: "captions" },
      { field: "questions[0].required", from: true, to: false },
    ]);
  });

  it("names long text, lists and secret fields without copying their values", () => {
    const after = { ...before, description: "Other text", topics: ["a"], joinUrl: "https://meet.example.org/other" };
    expect(diffFormValues(before, after, { secret: ["joinUrl"] })).toEqual([{ field: "description" }, { field: "topics" }, { field: "joinUrl" }]);
  });
});
