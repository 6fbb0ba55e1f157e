/** A deterministic synthetic register (the real one is not public) and the named demo persons, loaded with COPY at first start. */
package org.example.hosp.synthetic;
