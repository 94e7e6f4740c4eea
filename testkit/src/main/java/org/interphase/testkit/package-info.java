/** Test helpers shared by the modules' tests: locating the shared corpus beside the project, scratch folders. */
package org.interphase.testkit;
