/* What the loader targets share: a scratch file for the loaders that read
 * only files, and the check every error message must pass.  Each target is
 * one translation unit, so these are static. */
#ifndef INKSTONE_FUZZ_COMMON_H
#define INKSTONE_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inkstone/text.h"

static char	fuzz_dir[64];
static char	fuzz_path[128];

static inline void
fuzz_cleanup(void)
{
	unlink(fuzz_path);
	rmdir(fuzz_dir);
}

/* Makes a private folder for the scratch file NAME; removed at exit. */
static inline void
fuzz_scratch(const char *name)
{
	const char	*tmp = getenv("TMPDIR");

	if (tmp == NULL || *tmp == '\0' || strlen(tmp) > 32)
		tmp = "/tmp";
	snprintf(fuzz_dir, sizeof fuzz_dir, "%s/inkstone-fuzz-XXXXXX", tmp);
	if (mkdtemp(fuzz_dir) == NULL) {
		perror("fuzz: mkdtemp");
		exit(1);
	}
	snprintf(fuzz_path, sizeof fuzz_path, "%s/%s", fuzz_dir, name);
	atexit(fuzz_cleanup);
}

/* Writes the input to the scratch file. */
static inline void
fuzz_write(const uint8_t *data, size_t size)
{
	FILE	*f;

	if ((f = fopen(fuzz_path, "wb")) == NULL ||
	    fwrite(data, 1, size, f) != size || fclose(f) != 0) {
		perror(fuzz_path);
		abort();
	}
}

/* A message must be "FILE:LINE:COL: text" with positions from 1, and hold
 * nothing a terminal would obey: valid UTF-8 without C0 or C1 controls,
 * DEL or bidi controls (the loaders quote the file's text in messages). */
static inline void
fuzz_check_message(const char *msg, const char *file)
{
	size_t		 flen = strlen(file), len = strlen(msg), i, k;
	const char	*p;
	char		*e;
	unsigned long	 line, col;
	uint32_t	 cp;

	if (strncmp(msg, file, flen) != 0 || msg[flen] != ':')
		abort();
	p = msg + flen + 1;
	if (*p < '1' || *p > '9')
		abort();
	line = strtoul(p, &e, 10);
	if (*e != ':' || e[1] < '1' || e[1] > '9')
		abort();
	col = strtoul(e + 1, &e, 10);
	if (line == 0 || col == 0 || e[0] != ':' || e[1] != ' ' ||
	    e[2] == '\0')
		abort();
	if (!text_valid(msg, len, NULL))
		abort();
	for (i = 0; i < len; i += k) {
		k = text_decode(msg + i, len - i, &cp);
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			abort();
	}
}

#endif
