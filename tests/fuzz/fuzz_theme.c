/* Fuzz target: theme_load on the input as a theme file.  The terminal's
 * colour count comes from the input's length, so the bytes stay a plain
 * YAML file.  Whatever the file holds: no crash or leak, -1 exactly when
 * there are errors (and then the attributes-only fallback), every error a
 * clean "file:line:col: message", every colour one the terminal has. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/theme.h"
#include "common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ATTRS	(THEME_BOLD | THEME_UNDERLINE | THEME_REVERSE | THEME_DIM | \
		    THEME_ITALIC)

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* A path ending in .yaml: theme_find takes it as it is. */
	fuzz_scratch("theme.yaml");
	return 0;
}

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
	struct theme		  t, fb;
	char			**errors;
	size_t			  nerrors, i;
	int			  r, ncolours, s;

	ncolours = counts[size % (sizeof counts / sizeof counts[0])];
	fuzz_write(data, size);
	r = theme_load(fuzz_path, ncolours, &t, &errors, &nerrors);
	if ((r == 0) != (nerrors == 0) || (r != 0 && r != -1))
		abort();
	if (t.name == NULL || strcmp(t.name, fuzz_path) != 0 ||
	    t.path == NULL || strcmp(t.path, fuzz_path) != 0)
		abort();
	for (i = 0; i < nerrors; i++) {
		fuzz_check_message(errors[i], fuzz_path);
		free(errors[i]);
	}
	free(errors);
	for (s = 0; s < THEME_NSLOTS; s++) {
		if (!colour_ok(t.slot[s].fg, ncolours) ||
		    !colour_ok(t.slot[s].bg, ncolours) ||
		    (t.slot[s].attrs & ~ATTRS) != 0)
			abort();
	}
	if (r == -1) {
		/* Half a theme can leave text invisible: none at all. */
		theme_fallback(&fb);
		if (memcmp(fb.slot, t.slot, sizeof fb.slot) != 0)
			abort();
		theme_free(&fb);
	}
	theme_free(&t);
	return 0;
}
