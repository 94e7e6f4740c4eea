/**
 * A self-contained HTML page of sections: text, tables, figures (embedded PNG), notes and warnings, and
 * interactive 3D views of structures ({@link org.interphase.viz.report.Viewer3d}, drawn by 3Dmol.js carried in the page).
 */
package org.interphase.viz.report;
