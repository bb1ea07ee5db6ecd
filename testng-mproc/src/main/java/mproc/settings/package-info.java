/** Settings: their names, where they are read from, and how their values are parsed. */
package mproc.settings;
