/**
 * The public sources the demo data's facts come from, cited as a reader would cite them: publication, author and
 * date where the source gives them. Anything the demo invents is flagged `sample` instead and cites nothing.
 */
export const SOURCES = {
  /** Facts up to early 2002: milestones, the 1994 framework document, Cooperative Determination 2001, events a year. */
  analyst2002: "Central Asia-Caucasus Analyst, field report by Gulnara Ismailova, 27 February 2002",
  /** Later milestones of the partnership, the action plan periods as listed, operations. */
  overview: "Overview of Azerbaijan's cooperation with NATO (public overview of the partnership)",
  /** The period III dates that disagree with the overview. */
  overviewOther: "A second public overview of Azerbaijan–NATO cooperation (dates period III 2011–2013)",
  /** The Anti-Terror Training Centre: decree, charter, accreditation. */
  stateSecurityService:
    "State Security Service of the Republic of Azerbaijan, page of the International Anti-Terror Training Centre",
  /** The CREVAL course in Baku. */
  caliber: "Caliber.Az, report by Tamilla Hasanova on the CREVAL course in Baku",
  /** The coordination centre's programmes, assemblies, meetings, exercises and consultations. */
  cisAtc: "CIS Anti-Terrorism Center, the Center's own description of its activities",
} as const;

/**
 * The source of a dated partnership fact (a milestone, a framework document): the 2002 field report for what it
 * reports, the overview after it.
 */
export const milestoneSource = (on: string) => (on < "2002-03-01" ? SOURCES.analyst2002 : SOURCES.overview);
