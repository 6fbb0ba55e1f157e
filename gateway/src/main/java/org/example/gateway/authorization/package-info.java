/** The suite's own OAuth2 issuer for local use: client credentials per kind of caller, and editor logins. */
package org.example.gateway.authorization;
