/* Fuzz target: theme_parse (what theme_load runs on a file's bytes) on the
 * input as a theme file, over the attributes-only fallback.  The
 * terminal's colour count comes from the input's length, so the bytes stay
 * a plain YAML file.  Whatever the file holds: no crash or leak, -1 exactly
 * when there are errors, every error a clean "file:line:col: message", and
 * every colour one the terminal has, even in a theme half loaded. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/theme.h"
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ATTRS	(THEME_BOLD | THEME_UNDERLINE | THEME_REVERSE | THEME_DIM | \
		    THEME_ITALIC)

static int
colour_ok(int c, int ncolours)
{
	if (c == THEME_DEFAULT)
		return 1;
	return ncolours >= 8 && c >= 0 && c < ncolours;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int	  counts[] = { 0, 8, 16, 88, 256 };
	struct theme		  t;
	char			**errors = NULL;
	size_t			  nerrors = 0, i;
	int			  r, ncolours, s;

	ncolours = counts[size % (sizeof counts / sizeof counts[0])];
	theme_fallback(&t);
	r = theme_parse("theme.yaml", (const char *)data, size, ncolours, &t,
	    &errors, &nerrors);
	if ((r == 0) != (nerrors == 0) || (r != 0 && r != -1))
		abort();
	for (i = 0; i < nerrors; i++) {
		fuzz_check_message(errors[i], "theme.yaml");
		free(errors[i]);
	}
	free(errors);
	for (s = 0; s < THEME_NSLOTS; s++) {
		if (!colour_ok(t.slot[s].fg, ncolours) ||
		    !colour_ok(t.slot[s].bg, ncolours) ||
		    (t.slot[s].attrs & ~ATTRS) != 0)
			abort();
	}
	theme_free(&t);
	return 0;
}
