/** The structure rules (issue 15, STYLE.md) that every module's build checks, written once. */
package org.example.architecture;
