/**
 * Rotation of tetrahedral units (PS4): the best-fit rotation of each unit's four ligand vectors relative to the first frame
 * (Horn's quaternion method), the rotation angle over time, the libration amplitude and large-angle reorientation events found
 * with two thresholds and a dwell. Angles in degrees, times in ps. Start with
 * {@link org.interphase.analysis.rotation.RotationAnalysis}; the method and its sources are in the user guide's {@code rotation.md}.
 */
package org.interphase.analysis.rotation;
