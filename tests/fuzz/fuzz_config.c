/* libFuzzer target for the config loader: any bytes, never a crash, a
 * leak or a message that could drive the terminal.  Build:
 * clang -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz/fuzz_config.c
 *     src/config.c src/options.c src/keys.c src/ynode.c src/util.c
 *     -lyaml -lunistring
 * Seeds: tests/fixtures/config/. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "inkstone/config.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config	  c;
	char		**errors = NULL;
	size_t		  i, n = 0;
	const char	 *p;

	config_defaults(&c);
	config_parse("fuzz.yaml", (const char *)data, size, &c, &errors, &n);
	for (i = 0; i < n; i++)
		for (p = errors[i]; *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				abort();
	config_errors_free(errors, n);
	config_free(&c);
	return 0;
}
