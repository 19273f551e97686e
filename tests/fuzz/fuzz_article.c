/* Fuzz target: the article parser, on any bytes, as a raw-text file or as
 * a Markdown file (the first byte chooses).  Whatever the input, the title
 * and the paragraphs come out valid UTF-8 with no escape character, and
 * each paragraph's length is its string's. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/article.h"
#include "inkstone/text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article	*a;
	size_t		 i;

	if (size == 0)
		return 0;
	a = article_parse(data[0] & 1 ? "f.md" : "f.txt",
	    (const char *)data + 1, size - 1);
	if (!text_valid(a->title, strlen(a->title), NULL))
		abort();
	for (i = 0; i < a->npara; i++)
		if (a->paras[i].len != strlen(a->paras[i].text) ||
		    !text_valid(a->paras[i].text, a->paras[i].len, NULL) ||
		    memchr(a->paras[i].text, '\033', a->paras[i].len) != NULL)
			abort();
	article_free(a);
	return 0;
}
