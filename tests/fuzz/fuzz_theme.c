/* libFuzzer target for the theme loader, at 256 and at 8 colours.  Build
 * as fuzz_config.c, with src/theme.c and src/ynode.c src/util.c.
 * Seeds: themes/ and tests/fixtures/config/themes/. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "inkstone/theme.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int depths[] = { 256, 8 };
	struct theme	  t;
	char		**errors;
	size_t		  i, d, n;
	int		  s;

	for (d = 0; d < 2; d++) {
		errors = NULL;
		n = 0;
		theme_fallback(&t);
		theme_parse("fuzz.yaml", (const char *)data, size, depths[d],
		    &t, &errors, &n);
		for (s = 0; s < THEME_NSLOTS; s++)
			if (t.slot[s].fg >= depths[d] ||
			    t.slot[s].bg >= depths[d] || t.slot[s].fg < -1)
				abort();
		for (i = 0; i < n; i++)
			free(errors[i]);
		free(errors);
		theme_free(&t);
	}
	return 0;
}
