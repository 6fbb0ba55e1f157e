/** Bare JVM reverse proxies with no Spring and no security: the ceiling of any JVM gateway on this machine. */
package org.example.ceiling;
