/** How every service checks the suite's OAuth2 bearer tokens and answers 401 and 403 as problem+json. */
package org.example.platform.security;
