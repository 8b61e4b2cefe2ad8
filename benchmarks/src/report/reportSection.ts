/**
 * One section of the Markdown report: its text and the SVG charts it links to.
 */

export interface ReportChart {
  /** file name inside the results folder's charts/ directory */
  file: string;
  title: string;
  svg: string;
}

export interface ReportSection {
  title: string;
  markdown: string;
  charts: ReportChart[];
}
