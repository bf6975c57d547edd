package dev.autumncatalog.client;

/**
 * A feature {@link AutumnClient#track(String, Trackable, long) track} accepts: a {@link MeteredFeature}, or a {@link
 * FeatureId} whose kind the client checks against Autumn's {@code features.list} before sending. {@link BooleanFlag}
 * and {@link CreditSystem} are not {@code Trackable}, so tracking one does not compile.
 */
public sealed interface Trackable extends FeatureRef permits MeteredFeature, FeatureId {}
