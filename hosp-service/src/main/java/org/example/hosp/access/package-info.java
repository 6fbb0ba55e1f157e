/** Who may see which register items: the access policy of 6 § SFS 2006:196 as data, keyed by the caller's actor type. */
package org.example.hosp.access;
