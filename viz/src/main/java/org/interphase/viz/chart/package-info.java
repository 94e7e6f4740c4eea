/** Charts as PNG and SVG with JFreeChart and JFreeSVG: one look for every figure, units on the axes. */
package org.interphase.viz.chart;
