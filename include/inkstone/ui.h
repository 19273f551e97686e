/* ui: the interactive reader.  The only way into src/ui, which is the only
 * code that includes curses; this header does not. */
#ifndef INKSTONE_UI_H
#define INKSTONE_UI_H

#include "inkstone/cmd.h"

/* Runs the reader on path (a folder or one file; NULL: the configured
 * library, else ./articles) until the reader quits or a signal ends it.
 * The terminal is restored on every way out.  Returns the exit status: 0
 * after a quit, 1 on a runtime failure, 2 when the terminal cannot be used
 * (TERM unset, dumb or unknown), 128 + the signal after SIGHUP, SIGINT or
 * SIGTERM. */
int	ui_run(const char *path, const struct globals *g);

#endif
