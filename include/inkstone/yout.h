/* yout: YAML output for the commands (`--format yaml`), through libyaml's
 * emitter into a buffer: block style, plain UTF-8, no line folding.
 * Strings are written plain when they read back as the same string, and
 * quoted when a reader would take them for a number, a boolean or null.
 * No curses. */
#ifndef INKSTONE_YOUT_H
#define INKSTONE_YOUT_H

#include "inkstone/util.h"

struct yout;

/* Starts a document appended to out (which must outlive it). */
struct yout	*yout_new(struct buf *out);
/* Opens a mapping or a sequence (flow: on one line, as [a, b]); yout_end
 * closes the innermost. */
void		 yout_map(struct yout *y, int flow);
void		 yout_seq(struct yout *y, int flow);
void		 yout_end(struct yout *y);
void		 yout_str(struct yout *y, const char *s);
void		 yout_num(struct yout *y, unsigned long long v);
/* A key and its string value, in a mapping. */
void		 yout_kv(struct yout *y, const char *key, const char *value);
/* Ends the document and frees y.  Returns 0, or -1 if the emitter failed
 * (what was written is then incomplete). */
int		 yout_finish(struct yout *y);

#endif
