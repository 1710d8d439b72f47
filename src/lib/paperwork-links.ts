// Where an order's documents live (the order page links to them).
export const documentPaths = {
	purchaseOrder: (orderId: string) => `/orders/${orderId}/documents/purchase-order`,
	statement: (orderId: string) => `/orders/${orderId}/documents/statement`,
	taxInvoice: (orderId: string, milestoneId: string) => `/orders/${orderId}/documents/tax-invoice/${milestoneId}`
};
