/** How objects of the object tier become bytes and back. */
package org.mpionspark.bridge.serial;
