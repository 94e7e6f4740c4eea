/** Pictures and charts: headless Jmol rendering and PNG/SVG charts. Depends on {@code core} only. */
package org.interphase.viz;
