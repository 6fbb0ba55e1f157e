/** The national service platform's route in: mutual TLS on a connector of its own, and which certificate subject may call which RIVTA contract. */
package org.example.deathcertificate.mtls;
