/** Code systems, their versions and concepts: the model, bulk storage, the in-memory read model and the JSON API. */
package org.example.codeserver.codesystem;
