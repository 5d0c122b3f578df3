// Cairo-backed PDF rendering lives here.
import CCairo
