/** The code browser for people at {@code /codes/}: search as you type, concept pages, hierarchy, release diffs. */
package org.example.codeserver.browser;
