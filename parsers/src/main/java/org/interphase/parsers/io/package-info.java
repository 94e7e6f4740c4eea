/** Low-level text input: decompression by magic bytes, a line reader with fast number parsing. */
package org.interphase.parsers.io;
