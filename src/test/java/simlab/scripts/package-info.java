/**
 * Tests of what surrounds the code: the test-scripts (when they rebuild, that what they print is
 * clean for pipes and files) and the documentation (every repository path the README and the
 * handouts cite exists). The script tests need bash and skip without it.
 */
package simlab.scripts;
