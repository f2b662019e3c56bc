/** The request date defaults to today (DOMAIN.md "Versions"): the core writes it once per UTC day, never a stale one. */
describe("dateDuJour écrite une fois par jour", () => {
  afterEach(() => jest.useRealTimers());
  it("suit l'horloge d'un jour à l'autre, à la milliseconde de minuit UTC, en avant comme en arrière", () => {
    jest.useFakeTimers();
    const { dateDuJour } = jest.requireActual("../../src/rules/evaluer") as typeof import("../../src/rules/evaluer");
    jest.setSystemTime(new Date("2026-11-29T23:59:59.999Z"));
    expect(dateDuJour()).toBe("2026-11-29");
    jest.setSystemTime(new Date("2026-11-30T00:00:00.000Z"));
    expect(dateDuJour()).toBe("2026-11-30");
    jest.setSystemTime(new Date("2023-01-31T12:00:00.000Z"));
    expect(dateDuJour()).toBe("2023-01-31");
    jest.setSystemTime(new Date("2023-01-31T00:00:00.000Z"));
    expect(dateDuJour()).toBe("2023-01-31");
    jest.setSystemTime(new Date("2023-01-30T23:59:59.999Z"));
    expect(dateDuJour()).toBe("2023-01-30");
  });
});
