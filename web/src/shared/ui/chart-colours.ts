/**
 * The colours of a chart's series, in order, shared so that the charts of the application look alike; a chart
 * adds its own last colours (a neutral one for "other") and starts again when it has more series.
 */
export const CHART_COLOURS = ["indigo.6", "teal.6", "orange.6", "grape.6", "cyan.6", "lime.6", "pink.6"];
