/**
 * The {@code interphase} command line: one picocli class per subcommand, exit codes as in the
 * design contract (0 ok, 1 failure, 2 bad usage, 3 malformed input, 4 missing file).
 */
package org.interphase.cli;
