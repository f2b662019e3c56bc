/**
 * Placeholder entry of the task pane (issue 4 replaces it). The page also hosts the custom functions
 * (shared runtime): webpack injects functions.js into taskpane.html.
 */
export {};
