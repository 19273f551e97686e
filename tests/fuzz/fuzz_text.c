/* Fuzz target: UTF-8 repair and sanitising.  Whatever the bytes, the
 * result is valid UTF-8 holding nothing a terminal would obey. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t	 cp;
	size_t		 n, i, k;
	char		*r;

	r = text_clean((const char *)data, size, &n);
	if (strlen(r) != n || !text_valid(r, n, NULL))
		abort();
	for (i = 0; i < n; i += k) {
		k = text_decode(r + i, n - i, &cp);
		if ((cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			abort();
		if (text_cp_width(cp) < 0 || text_cp_width(cp) > 2)
			abort();
	}
	(void)text_width(r, n);
	free(r);
	return 0;
}
