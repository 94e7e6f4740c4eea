/** A self-contained HTML page of sections: text, tables, figures (embedded PNG), notes and warnings. */
package org.interphase.viz.report;
